import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { currentScreen, renderKiosk, type Kiosk } from './kioskHarness';

/** ICAO 9303 check digit (weights 7-3-1), to build the specimen. */
function checkDigit(field: string): string {
  const value = (ch: string) => (ch === '<' ? 0 : /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55);
  return String([...field].reduce((sum, ch, i) => sum + value(ch) * ([7, 3, 1][i % 3] ?? 1), 0) % 10);
}

/** A CNIE-like zone: card ZX0123456, CIN AB123456 in the optional data, born 12 April 1990. */
function zone(): string[] {
  const body = `ZX0123456${checkDigit('ZX0123456')}${'AB123456'.padEnd(15, '<')}`;
  const start = `900412${checkDigit('900412')}F310101${checkDigit('310101')}MAR${'<'.repeat(11)}`;
  const composite = body + start.slice(0, 7) + start.slice(8, 15) + start.slice(18, 29);
  return [`IDMAR${body}`, `${start}${checkDigit(composite)}`, 'EL<AMRANI<<FATIMA<ZAHRA'.padEnd(30, '<')];
}

async function toIdentity(kiosk: Kiosk) {
  await kiosk.user.click(screen.getByTestId('start'));
  await kiosk.user.click(screen.getByTestId('new-request'));
  await kiosk.user.click(screen.getByTestId('service-life'));
  await kiosk.user.click(screen.getByTestId('next'));
  expect(currentScreen()).toBe('identity');
}

/**
 * A wedge reader's keys, a few milliseconds apart. Dispatched directly: user-event would type
 * each key through a full render of the kiosk in jsdom, tens of milliseconds a key, and a real
 * browser stamps key events when they arrive, not when the page gets round to them.
 */
function wedgeTypes(lines: string[], onKey: (index: number) => void = () => undefined) {
  let index = 0;
  for (const key of lines.flatMap((line) => [...line, 'Enter'])) {
    fireEvent.keyDown(document.activeElement ?? document.body, { key });
    onKey(index);
    index += 1;
  }
}

const value = (path: string) => (screen.getByTestId(`field-${path.replace('.', '-')}`) as HTMLInputElement).value;

describe('the identity screen reads the CNIE from a keyboard-wedge reader', () => {
  it('fills CIN, names and date of birth from the zone, for the citizen to confirm', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'fr' } });
    await toIdentity(kiosk);
    wedgeTypes(zone());
    await waitFor(() => expect(screen.getByTestId('mrz-notice').dataset.outcome).toBe('read'));
    expect(currentScreen()).toBe('identity');
    expect(value('identity.cin')).toBe('AB123456');
    expect(value('identity.lastNameLatin')).toBe('EL AMRANI');
    expect(value('identity.firstNameLatin')).toBe('FATIMA ZAHRA');
    expect(value('identity.dateOfBirth')).toBe('12/04/1990');
    expect(screen.queryAllByRole('alert')).toEqual([]);
  });

  it('puts back what the focused field held before the reader typed into it', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'fr' } });
    await toIdentity(kiosk);
    const phone = screen.getByTestId('field-identity-phone');
    await kiosk.user.click(phone);
    await kiosk.user.type(phone, '0612345678');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // What the reader's characters did to the focused field (applied once the keys are in: a
    // render between two keys would take jsdom longer than a reader's gap).
    wedgeTypes(zone(), (index) => {
      if (index === 92) fireEvent.change(phone, { target: { value: '0612345678IDMARZX0123456' } });
    });
    await waitFor(() => expect(screen.getByTestId('mrz-notice').dataset.outcome).toBe('read'));
    expect(value('identity.phone')).toBe('0612345678');
  });

  it('leaves Enter typed by a person to submit the form as before', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'fr' } });
    await toIdentity(kiosk);
    await kiosk.user.type(screen.getByTestId('field-identity-cin'), 'AB123456{Enter}');
    expect(screen.queryByTestId('mrz-notice')).toBeNull();
    expect(screen.getByTestId('field-identity-lastNameLatin-error')).toBeTruthy();
  });

  it('says so when the check digits fail, and fills nothing', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'fr' } });
    await toIdentity(kiosk);
    const [line1, line2, line3] = zone();
    wedgeTypes([line1!, line2!.replace('900412', '900413'), line3!]);
    await waitFor(() => expect(screen.getByTestId('mrz-notice').dataset.outcome).toBe('unreadable'));
    expect(value('identity.lastNameLatin')).toBe('');
    expect(value('identity.cin')).toBe('');
    expect(currentScreen()).toBe('identity');
  });
});
