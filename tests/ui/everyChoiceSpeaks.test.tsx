import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import audioManifest from '../../assets/audio/manifest.json';
import { LOCALES } from '../../src/domain/locales';
import { optionPictogram, optionPromptId } from '../../src/domain/optionChoices';
import { DEFAULT_CATALOGUE } from '../../src/storage/defaultCatalogue';
import { hasPictogram } from '../../src/ui/pictograms';
import { currentScreen, fillIdentity, renderKiosk, typeInto, type Kiosk } from './kioskHarness';

/**
 * Issue 13: every choice of the citizen flow has a pictogram and, with spoken guidance on, says
 * itself on the first touch and acts on the second (or "choose"): the answers of the catalogue's
 * select fields (proof of address), each answer's "change" on the review, the consent's full
 * notice and its "I agree".
 */

// jsdom has no media playback: the element's state is what the guide asked of it.
beforeAll(() => {
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(() => Promise.resolve());
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
});
afterAll(() => vi.restoreAllMocks());

const guide = () => screen.getByTestId('audio-guide');

async function heard(prompt: string) {
  // The first prompt loads the player's chunk (manifest included): give a loaded machine time.
  await waitFor(() => expect(guide().dataset.prompt).toBe(prompt), { timeout: 5000 });
  expect(guide().getAttribute('src')).toMatch(/\.ogg$/);
}

const pictogramOf = (button: HTMLElement) => button.querySelector('[data-pictogram]')?.getAttribute('data-pictogram');

const selectOptions = DEFAULT_CATALOGUE.services.flatMap((service) =>
  service.fields.flatMap((field) => (field.options ?? []).map((option) => ({ service: service.id, field: field.key, value: option.value }))),
);

/** With guidance on, from the attract screen to the residence certificate's own fields (each choice touched twice). */
async function listenToResidenceFields(kiosk: Kiosk) {
  const { user } = kiosk;
  await user.click(screen.getByTestId('listen'));
  await heard('screen.attract');
  for (const testId of ['start', 'new-request', 'service-residence', 'next']) await user.dblClick(screen.getByTestId(testId));
  await fillIdentity(kiosk);
  await user.dblClick(screen.getByTestId('next'));
  expect(currentScreen()).toBe('fields');
}

describe('the answers of a select field in the shipped catalogue', () => {
  it('has at least one select field to check', () => {
    expect(selectOptions.length).toBeGreaterThan(0);
  });

  it.each(selectOptions)('$service: $field = $value has its own pictogram and a prompt in every language', ({ field, value }) => {
    expect(hasPictogram(optionPictogram(field, value))).toBe(true);
    const prompt = audioManifest.prompts.find((each) => each.id === optionPromptId(field, value));
    expect(prompt).toBeDefined();
    for (const locale of LOCALES) expect(prompt!.text[locale].length).toBeGreaterThan(0);
    // Synthesised where an offline voice exists (Amazigh waits for the office's recording).
    expect(Object.keys(prompt!.files ?? {}).sort()).toEqual(['ar', 'en', 'fr']);
  });

  it('draws each answer with its pictogram, reads it on the first touch and takes it on the second', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'fr' }, catalogue: DEFAULT_CATALOGUE });
    await listenToResidenceFields(kiosk);
    const group = screen.getByTestId('field-fields-proofOfAddress');
    for (const value of ['bill', 'titleDeed', 'lease', 'host']) {
      expect(pictogramOf(within(group).getByTestId(`field-fields-proofOfAddress-${value}`))).toBe(optionPictogram('proofOfAddress', value));
    }
    const lease = screen.getByTestId('field-fields-proofOfAddress-lease');
    await kiosk.user.click(lease);
    await heard('option.proofOfAddress_lease');
    expect(lease.getAttribute('aria-checked')).toBe('false');
    expect(lease.hasAttribute('data-armed')).toBe(true);
    await kiosk.user.click(lease);
    expect(screen.getByTestId('field-fields-proofOfAddress-lease').getAttribute('aria-checked')).toBe('true');
  });

  it('takes the answer heard last with "choose"', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'ar' }, catalogue: DEFAULT_CATALOGUE });
    await listenToResidenceFields(kiosk);
    await kiosk.user.click(screen.getByTestId('field-fields-proofOfAddress-bill'));
    await heard('option.proofOfAddress_bill');
    await kiosk.user.click(screen.getByTestId('field-fields-proofOfAddress-host'));
    await heard('option.proofOfAddress_host');
    expect(guide().dataset.promptLanguage).toBe('ar');
    await kiosk.user.click(screen.getByTestId('choose'));
    expect(screen.getByTestId('field-fields-proofOfAddress-host').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('field-fields-proofOfAddress-bill').getAttribute('aria-checked')).toBe('false');
  });

  it('acts on the first touch while guidance is off', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'en' }, catalogue: DEFAULT_CATALOGUE });
    for (const testId of ['start', 'new-request', 'service-residence', 'next']) await kiosk.user.click(screen.getByTestId(testId));
    await fillIdentity(kiosk);
    await kiosk.user.click(screen.getByTestId('next'));
    await kiosk.user.click(screen.getByTestId('field-fields-proofOfAddress-titleDeed'));
    expect(screen.getByTestId('field-fields-proofOfAddress-titleDeed').getAttribute('aria-checked')).toBe('true');
    expect(guide().getAttribute('src')).toBeNull();
  });
});

describe('the review and the consent', () => {
  async function listenToReview(kiosk: Kiosk) {
    await listenToResidenceFields(kiosk);
    await typeInto(kiosk, 'fields.address', '12 rue Atlas');
    await kiosk.user.dblClick(screen.getByTestId('field-fields-proofOfAddress-bill'));
    await kiosk.user.dblClick(screen.getByTestId('next'));
    expect(currentScreen()).toBe('review');
  }

  it('gives each "change" a pen and reads it first; another answer\'s "change" is a choice of its own', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'fr' }, catalogue: DEFAULT_CATALOGUE });
    await listenToReview(kiosk);
    for (const button of screen.getAllByTestId(/^edit-/)) expect(pictogramOf(button)).toBe('pen');
    await kiosk.user.click(screen.getByTestId('edit-identity.cin'));
    await heard('choice.edit');
    expect(currentScreen()).toBe('review');
    // Touching the next answer's "change" arms that one; it does not act on the first one heard.
    await kiosk.user.click(screen.getByTestId('edit-fields.address'));
    expect(currentScreen()).toBe('review');
    expect(screen.getByTestId('edit-fields.address').hasAttribute('data-armed')).toBe(true);
    expect(screen.getByTestId('edit-identity.cin').hasAttribute('data-armed')).toBe(false);
    await kiosk.user.click(screen.getByTestId('edit-fields.address'));
    expect(currentScreen()).toBe('fields');
  });

  it('reads the service\'s "read all the details" before opening them', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'en' }, catalogue: DEFAULT_CATALOGUE });
    const { user } = kiosk;
    await user.click(screen.getByTestId('listen'));
    await heard('screen.attract');
    for (const testId of ['start', 'new-request', 'service-residence']) await user.dblClick(screen.getByTestId(testId));
    expect(currentScreen()).toBe('service');
    await user.click(screen.getByTestId('service-details'));
    await heard('choice.details');
    expect(screen.queryByTestId('dialog-service-details')).toBeNull();
    await user.click(screen.getByTestId('service-details'));
    expect(screen.getByTestId('dialog-service-details')).toBeTruthy();
  });

  it('reads "read the full notice" and "I agree" before acting, each with its pictogram', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'en' }, catalogue: DEFAULT_CATALOGUE });
    await listenToReview(kiosk);
    await kiosk.user.dblClick(screen.getByTestId('next'));
    expect(currentScreen()).toBe('consent');
    expect(pictogramOf(screen.getByTestId('consent-full'))).toBe('shield-info');
    expect(pictogramOf(screen.getByTestId('consent-accept'))).toBe('yes');
    await kiosk.user.click(screen.getByTestId('consent-full'));
    await heard('choice.readFull');
    expect(screen.queryByTestId('dialog-consent-notice')).toBeNull();
    await kiosk.user.click(screen.getByTestId('consent-full'));
    expect(screen.getByTestId('dialog-consent-notice')).toBeTruthy();
    await kiosk.user.click(screen.getByTestId('consent-full-close'));
    await kiosk.user.click(screen.getByTestId('consent-accept'));
    await heard('choice.agree');
    expect(currentScreen()).toBe('consent');
  });
});
