import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentScreen, renderKiosk, tap, typeNow } from './kioskHarness';

function openIdentity() {
  for (const testId of ['start', 'new-request', 'service-life', 'next']) tap(screen.getByTestId(testId));
}

function fillIdentity() {
  typeNow('identity.cin', 'AB123456');
  typeNow('identity.lastNameLatin', 'El Amrani');
  typeNow('identity.firstNameLatin', 'Fatima');
  typeNow('identity.lastNameArabic', 'العمراني');
}

function advance(seconds: number) {
  act(() => {
    vi.advanceTimersByTime(seconds * 1000);
  });
}

describe('inactivity, cancel and help', () => {
  beforeEach(() => {
    // Only the clocks the session reads: React's scheduler keeps its real setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks "still there?" with a countdown, then clears every trace of the citizen', () => {
    renderKiosk({ settings: { idleTimeoutSeconds: 60, idleCountdownSeconds: 15 } });
    openIdentity();
    fillIdentity();
    advance(60);
    expect(screen.getByTestId('dialog-still-there')).toBeTruthy();
    expect(screen.getByTestId('idle-countdown').textContent).toBe('ستُمحى الشاشة بعد 15 ثانية.');
    advance(13);
    expect(screen.getByTestId('idle-countdown').textContent).toBe('ستُمحى الشاشة بعد ثانيتين.');
    advance(2);
    expect(currentScreen()).toBe('attract');
    expect(screen.queryByTestId('dialog-still-there')).toBeNull();
    expect(document.body.textContent).not.toMatch(/AB123456|Amrani|Fatima|العمراني/);
    expect(document.querySelectorAll('input')).toHaveLength(0);
  });

  it('keeps the citizen where they were when they answer "I am still here"', () => {
    renderKiosk({ settings: { defaultLocale: 'en', idleTimeoutSeconds: 60, idleCountdownSeconds: 15 } });
    openIdentity();
    fillIdentity();
    advance(61);
    tap(screen.getByRole('button', { name: 'I am still here' }));
    expect(screen.queryByTestId('dialog-still-there')).toBeNull();
    advance(30);
    expect(currentScreen()).toBe('identity');
    expect((screen.getByTestId('field-identity-cin') as HTMLInputElement).value).toBe('AB123456');
  });

  it('counts every touch as presence', () => {
    renderKiosk({ settings: { idleTimeoutSeconds: 60 } });
    openIdentity();
    advance(50);
    tap(screen.getByTestId('field-identity-cin'));
    advance(50);
    expect(screen.queryByTestId('dialog-still-there')).toBeNull();
  });

  it('asks once before cancelling, and keeps the answers when the citizen goes on', () => {
    renderKiosk({ settings: { defaultLocale: 'en' } });
    openIdentity();
    fillIdentity();
    tap(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('heading', { name: 'Stop this request?' })).toBeTruthy();
    tap(screen.getByRole('button', { name: 'No, continue' }));
    expect((screen.getByTestId('field-identity-cin') as HTMLInputElement).value).toBe('AB123456');
    tap(screen.getByRole('button', { name: 'Cancel' }));
    tap(screen.getByRole('button', { name: 'Yes, stop' }));
    expect(currentScreen()).toBe('attract');
    expect(document.body.textContent).not.toContain('AB123456');
  });

  it('offers help, contrast and large text on every screen, for this session only', () => {
    const { staffCalls } = renderKiosk({ settings: { defaultLocale: 'en' } });
    for (const name of ['Call a staff member', 'High contrast', 'Large text']) expect(screen.getByRole('button', { name })).toBeTruthy();
    tap(screen.getByRole('button', { name: 'High contrast' }));
    tap(screen.getByRole('button', { name: 'Large text' }));
    tap(screen.getByRole('button', { name: 'Call a staff member' }));
    expect(screen.getByRole('status').textContent).toContain('A staff member is coming');
    expect(staffCalls).toHaveLength(1);
    openIdentity();
    expect(screen.getByTestId('kiosk').className).toBe('kiosk kiosk--contrast kiosk--large-text');
    expect(screen.getByRole('button', { name: 'High contrast' }).getAttribute('aria-pressed')).toBe('true');
    tap(screen.getByRole('button', { name: 'Cancel' }));
    tap(screen.getByRole('button', { name: 'Yes, stop' }));
    expect(screen.getByTestId('kiosk').className).toBe('kiosk');
    expect(screen.queryByTestId('help-notice')).toBeNull();
  });

  it('carries the supervisor gesture on the office name, which is decoration and not a control', () => {
    renderKiosk();
    const office = screen.getByTestId('office-logo');
    expect(office.hasAttribute('data-supervisor-gesture')).toBe(true);
    expect(office.getAttribute('aria-hidden')).toBe('true');
    expect(office.textContent).toBe('Annexe Berkane 2');
    expect(office.querySelector('button, a, input, [tabindex]')).toBeNull();
  });
});
