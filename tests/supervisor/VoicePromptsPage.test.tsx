import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../src/storage/audit';
import { saveOfficeIdentity } from '../../src/storage/officeIdentity';
import { pendingRecordings, PromptRecordingsDb, saveRecording } from '../../src/storage/promptRecordings';
import { createSupervisorServices } from '../../src/supervisor/services';
import VoicePromptsPage from '../../src/ui/supervisor/voicePrompts/VoicePromptsPage';
import { FakeMicrophone } from './fakeMicrophone';
import { FakePlatform, FakeSync } from './fakes';
import { freshDb } from './harness';
import { renderIn } from './render';

// jsdom plays no media and makes no object URLs: the page's choices are what is checked.
beforeEach(() => {
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(() => Promise.resolve());
  let counter = 0;
  URL.createObjectURL = () => `blob:test-${(counter += 1)}`;
  URL.revokeObjectURL = () => undefined;
});

let recordings: PromptRecordingsDb;
afterEach(async () => {
  vi.restoreAllMocks();
  await recordings?.delete();
});

function world() {
  const db = freshDb();
  recordings = new PromptRecordingsDb(`voice-prompts-${Math.random()}`);
  const microphone = new FakeMicrophone();
  const sync = new FakeSync();
  const services = createSupervisorServices({ db, platform: new FakePlatform(), sync, recordings, microphone, estimateStorage: async () => null });
  return { db, microphone, sync, services };
}

const row = (promptId: string) => document.querySelector<HTMLElement>(`[data-prompt-id="${promptId}"]`)!;

// The page lists every prompt of the manifest (over a hundred rows): slow to render in jsdom on a busy machine.
describe('the voice prompts page', { timeout: 30_000 }, () => {
  it("lists every prompt with its text in the chosen language and the voice the kiosks use for it", async () => {
    const { services } = world();
    renderIn('en', <VoicePromptsPage services={services.voicePrompts} />);
    expect(await screen.findByText(/0 of \d+ prompts recorded by the office/)).toBeTruthy();
    expect(row('screen.home').dataset.voice).toBe('synthesised');
    fireEvent.click(screen.getByRole('button', { name: 'ⵜⴰⵎⴰⵣⵉⵖⵜ' }));
    // No offline Amazigh voice: the Tifinagh text is shown and nothing says it yet.
    expect(row('screen.home').dataset.voice).toBe('none');
    expect(within(row('screen.home')).getByText('No voice')).toBeTruthy();
    expect(row('screen.home').querySelector('[lang="zgh"]')?.textContent).toMatch(/[\u2D30-\u2D7F]/);
  });

  it('records a prompt from the microphone, plays it back, saves it for upload, and audits it', async () => {
    const { services, microphone, sync, db } = world();
    renderIn('en', <VoicePromptsPage services={services.voicePrompts} tickMs={20} />);
    await screen.findByText(/0 of/);
    fireEvent.click(screen.getByRole('button', { name: 'ⵜⴰⵎⴰⵣⵉⵖⵜ' }));
    fireEvent.click(within(row('screen.home')).getByRole('button', { name: 'Record' }));
    // The microphone is asked for on this panel only.
    fireEvent.click(await screen.findByRole('button', { name: 'Start recording' }));
    expect(microphone.opened).toBe(1);
    expect(microphone.recording).toBe(true);
    expect(screen.getByRole('meter', { name: 'Microphone level' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Play back' }));
    expect(screen.getByTestId('take-playback').getAttribute('src')).toMatch(/^blob:/);
    expect(HTMLMediaElement.prototype.play).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Saved\./)).toBeTruthy();

    const pending = await pendingRecordings(recordings);
    expect(pending.map(({ promptId, language, mime, pending: state }) => ({ promptId, language, mime, state }))).toEqual([
      { promptId: 'screen.home', language: 'zgh', mime: 'audio/webm', state: 'upload' },
    ]);
    expect(new TextDecoder().decode(pending[0]!.audio)).toBe('fake opus take');
    expect(sync.triggers).toContain('manual');
    const audit = await listAudit(db, { limit: 5 });
    expect(audit[0]).toMatchObject({ action: 'supervisor.recordingSave', detail: 'prompt=screen.home language=zgh bytes=14' });

    // Leaving the recorder lets go of the microphone; the list shows the office's recording.
    fireEvent.click(screen.getByRole('button', { name: 'Back to the list' }));
    expect(microphone.open_).toBe(false);
    await waitFor(() => expect(row('screen.home').dataset.voice).toBe('waiting'));
  });

  it("lists the office's streets beside the prompts and records a street's name like a prompt", async () => {
    const { services, microphone, db } = world();
    const names = { ar: 'ملحقة', zgh: 'ⵜⴰⵏⵎⵍⵜ', fr: 'Annexe', en: 'Annex' };
    const streets = [
      { latin: 'Rue Atlas', ar: 'زنقة الأطلس' },
      { latin: 'Avenue 2 Mars', ar: 'شارع 2 مارس' },
    ];
    await saveOfficeIdentity(db, { version: 1, names, logo: null, streets });
    renderIn('en', <VoicePromptsPage services={services.voicePrompts} tickMs={20} />);
    expect(await screen.findByText('0 of 2 street names recorded by the office in this language')).toBeTruthy();
    const list = screen.getByRole('list', { name: "Names of the annex's streets" });
    expect([...list.querySelectorAll<HTMLElement>('[data-prompt-id]')].map((item) => item.dataset.promptId)).toEqual(['street.rue_atlas', 'street.avenue_C_mars']);
    expect(row('street.rue_atlas').textContent).toContain('Rue Atlas');
    expect(within(row('street.rue_atlas')).getByText('No recording: the kiosks say “a street of the annex”')).toBeTruthy();
    // In Arabic, staff say the name on the Arabic sign.
    fireEvent.click(screen.getByRole('button', { name: 'العربية' }));
    expect(row('street.rue_atlas').textContent).toContain('زنقة الأطلس');

    fireEvent.click(within(row('street.rue_atlas')).getByRole('button', { name: 'Record' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Start recording' }));
    expect(microphone.recording).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Saved\./)).toBeTruthy();
    expect((await pendingRecordings(recordings)).map(({ promptId, language }) => `${promptId}/${language}`)).toEqual(['street.rue_atlas/ar']);
    fireEvent.click(screen.getByRole('button', { name: 'Back to the list' }));
    await waitFor(() => expect(row('street.rue_atlas').dataset.voice).toBe('waiting'));
    expect(screen.getByText('1 of 2 street names recorded by the office in this language')).toBeTruthy();
    // Deleting it: the kiosks go back to the back office's synthesised name, else the generic street prompt, and say so.
    fireEvent.click(within(row('street.rue_atlas')).getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(
      await screen.findByText("Recording deleted: the kiosks say the street's name in the synthesised voice again, or “a street of the annex” where the back office has none."),
    ).toBeTruthy();
    // For Tamazight, staff read the Arabic sign, shown right to left as Arabic.
    fireEvent.click(screen.getByRole('button', { name: 'ⵜⴰⵎⴰⵣⵉⵖⵜ' }));
    const sign = row('street.rue_atlas').querySelector<HTMLElement>('.sv-voice-text')!;
    expect([sign.lang, sign.dir, sign.textContent]).toEqual(['ar', 'rtl', 'زنقة الأطلس']);
  });

  it("lists a street the back office said with espeak-ng as the synthesised voice, to be played, recorded over, not deleted nor counted", async () => {
    const { services, db } = world();
    const names = { ar: 'ملحقة', zgh: 'ⵜⴰⵏⵎⵍⵜ', fr: 'Annexe', en: 'Annex' };
    await saveOfficeIdentity(db, { version: 1, names, logo: null, streets: [{ latin: 'Rue Atlas', ar: 'زنقة الأطلس' }, { latin: 'Rue Anoual', ar: 'زنقة أنوال' }] });
    // As a pull stores it: the list said `origin: 'synthesised'`.
    await saveRecording(recordings, {
      promptId: 'street.rue_atlas',
      language: 'fr',
      mime: 'audio/ogg',
      sha256: 'a'.repeat(64),
      recordedAt: '2026-12-03T10:00:00.000Z',
      audio: new TextEncoder().encode('OggS synthesised').buffer,
      origin: 'synthesised',
    });
    renderIn('fr', <VoicePromptsPage services={services.voicePrompts} tickMs={20} />);
    expect(await screen.findByText("0 noms de rue sur 2 enregistrés par l'annexe dans cette langue")).toBeTruthy();
    expect(row('street.rue_atlas').dataset.voice).toBe('synthesised');
    expect(within(row('street.rue_atlas')).getByText('Voix de synthèse')).toBeTruthy();
    expect(row('street.rue_anoual').dataset.voice).toBe('streetFallback');
    expect(within(row('street.rue_atlas')).getByRole('button', { name: 'Écouter' })).toBeTruthy();
    expect(within(row('street.rue_atlas')).queryByRole('button', { name: 'Supprimer' })).toBeNull();
    expect(within(row('street.rue_atlas')).getByRole('button', { name: 'Enregistrer' })).toBeTruthy();
  });

  it('lists the prompts alone when the kiosk has no street list', async () => {
    const { services } = world();
    renderIn('en', <VoicePromptsPage services={services.voicePrompts} />);
    await screen.findByText(/0 of \d+ prompts recorded by the office/);
    expect(screen.queryByTestId('voice-prompt-streets')).toBeNull();
  });

  it('releases the microphone when the page goes away mid-take (supervisor mode locked)', async () => {
    const { services, microphone } = world();
    const view = renderIn('fr', <VoicePromptsPage services={services.voicePrompts} />);
    await screen.findByText(/0 messages sur/);
    fireEvent.click(within(row('choice.yes')).getByRole('button', { name: 'Enregistrer' }));
    fireEvent.click(await screen.findByRole('button', { name: "Commencer l'enregistrement" }));
    expect(microphone.open_).toBe(true);
    view.unmount();
    expect(microphone.open_).toBe(false);
  });

  it('says the microphone was refused and offers to try again', async () => {
    const { services, microphone } = world();
    microphone.refuse = 'denied';
    renderIn('ar', <VoicePromptsPage services={services.voicePrompts} />);
    await screen.findByText(/رسالة سجلتها الملحقة/);
    fireEvent.click(within(row('screen.home')).getByRole('button', { name: 'تسجيل' }));
    expect((await screen.findByRole('alert')).textContent).toBe('رُفض الميكروفون لهذه الصفحة.');
    microphone.refuse = null;
    fireEvent.click(screen.getByRole('button', { name: 'المحاولة من جديد' }));
    expect(await screen.findByRole('button', { name: 'بدء التسجيل' })).toBeTruthy();
  });

  it('plays and deletes an office recording after confirmation, audited', async () => {
    const { services, db } = world();
    await services.voicePrompts.save('choice.no', 'en', { audio: new Blob(['take']), mime: 'audio/webm' });
    renderIn('en', <VoicePromptsPage services={services.voicePrompts} />);
    await waitFor(() => expect(row('choice.no').dataset.voice).toBe('waiting'));
    fireEvent.click(within(row('choice.no')).getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(screen.getByTestId('voice-prompt-player').dataset.prompt).toBe('choice.no'));
    fireEvent.click(within(row('choice.no')).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(row('choice.no')).getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByText(/Recording deleted/)).toBeTruthy();
    await waitFor(() => expect(row('choice.no').dataset.voice).toBe('synthesised'));
    expect((await pendingRecordings(recordings)).map((r) => r.pending)).toEqual(['delete']);
    await act(async () => undefined);
    expect((await listAudit(db, { limit: 1 }))[0]).toMatchObject({ action: 'supervisor.recordingDelete', detail: 'prompt=choice.no language=en' });
  });
});
