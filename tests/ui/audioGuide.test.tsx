import { act, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentScreen, renderKiosk, tap, type Kiosk } from './kioskHarness';

// jsdom has no media playback: the element's state is what the guide asked of it.
beforeAll(() => {
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(() => Promise.resolve());
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
});
afterAll(() => vi.restoreAllMocks());

function guide() {
  return screen.getByTestId('audio-guide');
}

/** The prompt the guide is playing and the language of its recording. */
async function heard(prompt: string, language?: string) {
  // The first prompt loads the player's chunk (manifest included): give a loaded machine time.
  await waitFor(() => expect(guide().dataset.prompt).toBe(prompt), { timeout: 5000 });
  if (language) expect(guide().dataset.promptLanguage).toBe(language);
  expect(guide().getAttribute('src')).toMatch(/\.ogg$/);
}

async function listenFromAttract(kiosk: Kiosk) {
  await kiosk.user.click(screen.getByTestId('listen'));
  await heard('screen.attract');
}

describe('spoken guidance', () => {
  it('says nothing until a citizen turns it on, then says the attract screen', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'fr' } });
    expect(guide().getAttribute('src')).toBeNull();
    expect(screen.getByTestId('listen').getAttribute('aria-pressed')).toBe('false');
    await listenFromAttract(kiosk);
    expect(guide().dataset.promptLanguage).toBe('fr');
    expect(screen.getByTestId('listen').getAttribute('aria-pressed')).toBe('true');
  });

  it('turns guidance on from the home screen too, for a citizen who started without it', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'ar' } });
    await kiosk.user.click(screen.getByTestId('start'));
    expect(currentScreen()).toBe('home');
    expect(guide().getAttribute('src')).toBeNull();
    expect(screen.getByTestId('listen').getAttribute('aria-pressed')).toBe('false');
    await kiosk.user.click(screen.getByTestId('listen'));
    await heard('screen.home', 'ar');
    expect(screen.getByTestId('listen').getAttribute('aria-pressed')).toBe('true');
    // From then on a choice is read first, as when guidance was turned on at the attract screen.
    await kiosk.user.click(screen.getByTestId('new-request'));
    await heard('choice.newRequest', 'ar');
    expect(currentScreen()).toBe('home');
  });

  it('says each screen on entry and on the replay button, in the session language', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'en' } });
    await listenFromAttract(kiosk);
    await kiosk.user.click(screen.getByTestId('start'));
    await heard('choice.start', 'en');
    await kiosk.user.click(screen.getByTestId('start'));
    await heard('screen.home', 'en');
    // Mid-request the languages sit behind the header's language menu, itself a choice read first.
    await kiosk.user.click(screen.getByTestId('language-menu'));
    await heard('choice.languages', 'en');
    expect(screen.queryByTestId('language-fr')).toBeNull();
    await kiosk.user.click(screen.getByTestId('language-menu'));
    await kiosk.user.click(screen.getByTestId('language-fr'));
    await kiosk.user.click(screen.getByTestId('language-fr'));
    await heard('screen.home', 'fr');
    await kiosk.user.click(screen.getByTestId('replay'));
    await heard('screen.home', 'fr');
  });

  it('reads a choice on the first touch and acts on the second', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'fr' } });
    await listenFromAttract(kiosk);
    await kiosk.user.dblClick(screen.getByTestId('start'));
    await heard('screen.home');
    await kiosk.user.click(screen.getByTestId('new-request'));
    await heard('choice.newRequest');
    expect(currentScreen()).toBe('home');
    expect(screen.getByTestId('new-request').hasAttribute('data-armed')).toBe(true);
    await kiosk.user.click(screen.getByTestId('new-request'));
    expect(currentScreen()).toBe('catalogue');
    await heard('screen.catalogue');
  });

  it('lets the citizen explore several choices by ear, then take the one heard last with "choose"', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'ar' } });
    await listenFromAttract(kiosk);
    await kiosk.user.dblClick(screen.getByTestId('start'));
    await kiosk.user.dblClick(screen.getByTestId('new-request'));
    await kiosk.user.click(screen.getByTestId('service-birth_extract'));
    await heard('service.birth_extract', 'ar');
    await kiosk.user.click(screen.getByTestId('service-life'));
    await heard('service.life', 'ar');
    expect(currentScreen()).toBe('catalogue');
    await kiosk.user.click(screen.getByTestId('choose'));
    expect(currentScreen()).toBe('service');
    await heard('screen.service');
    expect(screen.queryByTestId('choose')).toBeNull();
  });

  it('says each language name in that language, whatever the session language', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'ar' } });
    await listenFromAttract(kiosk);
    await kiosk.user.click(screen.getByTestId('language-fr'));
    await heard('language.fr', 'fr');
    await kiosk.user.click(screen.getByTestId('language-zgh'));
    await heard('language.zgh', 'zgh');
    await kiosk.user.click(screen.getByTestId('language-en'));
    await heard('language.en', 'en');
    expect(document.documentElement.lang).toBe('ar');
  });

  it('speaks Arabic to a session in Tifinagh until the office records Amazigh prompts', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'zgh' } });
    await listenFromAttract(kiosk);
    expect(guide().dataset.promptLanguage).toBe('ar');
    expect(guide().dataset.promptOrigin).toBe('synthesised');
  });

  it("plays the office's own recording instead of the synthesised file, Amazigh included", async () => {
    const recorded = { 'screen.attract|zgh': 'blob:office/attract-zgh', 'screen.home|zgh': 'blob:office/home-zgh' } as Record<string, string>;
    const kiosk = renderKiosk({ settings: { defaultLocale: 'zgh' }, recordedPrompts: async () => ({ url: (id, language) => recorded[`${id}|${language}`] ?? null }) });
    await kiosk.user.click(screen.getByTestId('listen'));
    await waitFor(() => expect(guide().getAttribute('src')).toBe('blob:office/attract-zgh'), { timeout: 5000 });
    expect(guide().dataset).toMatchObject({ prompt: 'screen.attract', promptLanguage: 'zgh', promptOrigin: 'recorded' });
    // A prompt the office has not recorded falls back to the shipped file (Arabic, for Amazigh).
    await kiosk.user.click(screen.getByTestId('start'));
    await waitFor(() => expect(guide().dataset.prompt).toBe('choice.start'));
    expect(guide().dataset).toMatchObject({ promptLanguage: 'ar', promptOrigin: 'synthesised' });
  });

  it('keeps choices acting at once when guidance is off', async () => {
    const kiosk = renderKiosk();
    await kiosk.user.click(screen.getByTestId('start'));
    await kiosk.user.click(screen.getByTestId('new-request'));
    expect(currentScreen()).toBe('catalogue');
    expect(guide().getAttribute('src')).toBeNull();
  });

  it('ends with the session: back on the attract screen, guidance is off and silent', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'fr' } });
    await listenFromAttract(kiosk);
    await kiosk.user.dblClick(screen.getByTestId('start'));
    await heard('screen.home');
    await kiosk.user.dblClick(screen.getByTestId('back'));
    expect(currentScreen()).toBe('attract');
    await waitFor(() => expect(guide().dataset.state).toBe('stopped'));
    expect(screen.getByTestId('listen').getAttribute('aria-pressed')).toBe('false');
    await act(async () => {
      await kiosk.user.click(screen.getByTestId('start'));
    });
    expect(currentScreen()).toBe('home');
  });
});

describe("spoken guidance over the kiosk's notices", () => {
  beforeEach(() => {
    // Only the clocks the session reads (as in idleCancelAndHelp.test.tsx); vi.waitFor moves them while it polls.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const says = (prompt: string) => vi.waitFor(() => expect(guide().dataset.prompt).toBe(prompt), { timeout: 5000 });

  it('says that someone is coming when the citizen called for help', async () => {
    renderKiosk({ settings: { defaultLocale: 'fr' } });
    tap(screen.getByTestId('listen'));
    await says('screen.attract');
    for (const testId of ['start', 'start']) tap(screen.getByTestId(testId));
    await says('screen.home');
    tap(screen.getByTestId('help'));
    await says('choice.help');
    tap(screen.getByTestId('help'));
    expect(screen.getByTestId('help-notice')).toBeTruthy();
    await says('notice.helpComing');
    expect(guide().dataset.promptLanguage).toBe('fr');
  });

  it('asks aloud whether the citizen is still there before the request is cleared', async () => {
    renderKiosk({ settings: { defaultLocale: 'ar', idleTimeoutSeconds: 60 } });
    tap(screen.getByTestId('listen'));
    await says('screen.attract');
    for (const testId of ['start', 'start']) tap(screen.getByTestId(testId));
    await says('screen.home');
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByTestId('dialog-still-there')).toBeTruthy();
    await says('notice.stillThere');
    expect(guide().dataset.promptLanguage).toBe('ar');
  });
});
