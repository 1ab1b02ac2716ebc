import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatTrackingCode } from '../../src/domain/trackingCode';
import type { StatusLookupResult } from '../../src/machines/session/types';
import { renderKiosk, typeInto } from './kioskHarness';

const CODE = formatTrackingCode('KBZ', 42);
const WRONG_CHECK = CODE.slice(0, -1) + (CODE.endsWith('0') ? '1' : '0');

async function checkCode(kiosk: ReturnType<typeof renderKiosk>, code: string) {
  await kiosk.user.click(screen.getByTestId('start'));
  await kiosk.user.click(screen.getByTestId('check-status'));
  await typeInto(kiosk, 'lookup.code', code);
  await kiosk.user.click(screen.getByTestId('lookup-submit'));
}

async function checkCodeWithAnswer(kiosk: ReturnType<typeof renderKiosk>, code: string, answer = '34561990') {
  await checkCode(kiosk, code);
  await typeInto(kiosk, 'lookup.answer', answer);
  await kiosk.user.click(screen.getByTestId('lookup-answer-submit'));
}

describe('checking a request', { timeout: 20_000 }, () => {
  it('explains a wrong check symbol next to the code, without looking it up', async () => {
    let lookups = 0;
    const kiosk = renderKiosk({ settings: { defaultLocale: 'en' }, lookupStatus: async () => ((lookups += 1), { found: false, reason: 'noMatch' }) });
    await checkCode(kiosk, WRONG_CHECK);
    expect(screen.getByTestId('field-lookup-code-error').textContent).toBe('There is a typing mistake in this code. Check each character.');
    expect(lookups).toBe(0);
  });

  it.each<[string, StatusLookupResult, string]>([
    ['queued on this kiosk', { found: true, trackingCode: CODE, serviceId: 'life', local: 'queued', remote: null }, 'Waiting to be sent to the office'],
    ['acknowledged by the office', { found: true, trackingCode: CODE, serviceId: 'life', local: 'synced', remote: null }, 'Received by the office'],
    ['ready at the office', { found: true, trackingCode: CODE, serviceId: 'life', local: 'synced', remote: { status: 'ready', reason: null, changedAt: '2026-11-27T10:00:00Z' } }, 'Ready: you may come and collect it'],
  ])('shows the status of a request %s', async (_, result, text) => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'en' }, lookupStatus: async () => result });
    await checkCodeWithAnswer(kiosk, CODE.toLowerCase());
    expect((await screen.findByTestId('lookup-status')).textContent).toBe(text);
    expect(screen.getByTestId('lookup-result').textContent).toContain('Life certificate');
  });

  it('gives the reason of a refusal, in its own direction inside Arabic text', async () => {
    const result: StatusLookupResult = {
      found: true,
      trackingCode: CODE,
      serviceId: 'life',
      local: 'synced',
      remote: { status: 'refused', reason: 'Justificatif manquant', changedAt: '2026-11-27T10:00:00Z' },
    };
    const kiosk = renderKiosk({ lookupStatus: async () => result });
    await checkCodeWithAnswer(kiosk, CODE);
    expect((await screen.findByTestId('lookup-status')).textContent).toBe('مرفوض');
    expect(screen.getByTestId('lookup-reason').querySelector('bdi')?.textContent).toBe('Justificatif manquant');
    expect(screen.getByTestId('lookup-result').textContent).toContain('27 نونبر 2026');
  });

  it("shows a refusal typed in French on an Arabic screen with its translated category first", async () => {
    const result: StatusLookupResult = {
      found: true,
      trackingCode: CODE,
      serviceId: 'life',
      local: 'synced',
      remote: { status: 'refused', reason: 'Facture au nom du propriétaire', reasonCode: 'missingDocuments', changedAt: '2026-11-27T10:00:00Z' },
    };
    const kiosk = renderKiosk({ lookupStatus: async () => result });
    await checkCodeWithAnswer(kiosk, CODE);
    const category = await screen.findByTestId('lookup-reason-category');
    expect(category.textContent).toBe('وثيقة ناقصة');
    expect(screen.getByTestId('lookup-reason').querySelector('bdi')?.textContent).toBe('Facture au nom du propriétaire');
    // The category comes first in reading order.
    expect(category.compareDocumentPosition(screen.getByTestId('lookup-reason')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('asks for the last CIN digits and the year of birth before showing anything, and passes them on', async () => {
    const asked: unknown[] = [];
    const kiosk = renderKiosk({ settings: { defaultLocale: 'en' }, lookupStatus: async (input) => (asked.push(input), { found: false, reason: 'noMatch' }) });
    await checkCode(kiosk, CODE);
    expect(screen.getByText('Last 4 digits of your CIN, then your year of birth')).toBeTruthy();
    expect(asked).toEqual([]);
    await typeInto(kiosk, 'lookup.answer', '3456');
    await kiosk.user.click(screen.getByTestId('lookup-answer-submit'));
    expect(screen.getByTestId('field-lookup-answer-error').textContent).toBe('Type 8 digits: the last 4 of your CIN, then the 4 of your year of birth.');
    await typeInto(kiosk, 'lookup.answer', '34561990');
    await kiosk.user.click(screen.getByTestId('lookup-answer-submit'));
    await screen.findByTestId('lookup-noMatch');
    expect(asked).toEqual([{ trackingCode: CODE, proof: { kind: 'answer', answer: '34561990' } }]);
  });

  it('tells a throttled kiosk to wait, in the citizen language', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'fr' }, lookupStatus: async () => ({ found: false, reason: 'throttled', retryAt: Date.now() + 10 * 60_000, waitMinutes: 10 }) });
    await checkCodeWithAnswer(kiosk, CODE);
    expect((await screen.findByTestId('lookup-throttled')).textContent).toBe("Trop d'essais sur cette borne. Réessayez dans 10 minutes ou adressez-vous au guichet.");
  });

  it('says when no request matches the code and the digits, and lets the citizen try another', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'fr' } });
    await checkCodeWithAnswer(kiosk, CODE);
    expect((await screen.findByTestId('lookup-noMatch')).textContent).toMatch(/^Aucune demande ne correspond à ce code et à ces chiffres/);
    await kiosk.user.click(screen.getByTestId('lookup-another'));
    expect((screen.getByTestId('field-lookup-code') as HTMLInputElement).value).toBe(CODE);
  });
});
