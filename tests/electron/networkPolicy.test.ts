import { describe, expect, it, vi } from 'vitest';
import { isAllowedRequest, restrictNetwork } from '../../electron/networkPolicy';

const BACKOFFICE = 'https://bo.example.ma';

describe('network limited to the app and the back office (behind the CSP)', () => {
  it.each([
    'app://kiosk/assets/index.js',
    'data:image/png;base64,AAAA',
    'blob:app://kiosk/0190a0b1-7c2d-7e3f-8a4b-5c6d7e8f9a0b',
    'https://bo.example.ma/api/v1/sync/push',
  ])('lets %s through', (url) => {
    expect(isAllowedRequest(url, BACKOFFICE, false)).toBe(true);
  });

  it.each([
    'https://evil.example/collect',
    'https://bo.example.ma.evil.example/api',
    'http://bo.example.ma/api',
    'app://evil.example/index.html',
    'file:///etc/passwd',
    'devtools://devtools/bundled/inspector.html',
    'ws://bo.example.ma/socket',
  ])('cancels %s', (url) => {
    expect(isAllowedRequest(url, BACKOFFICE, false)).toBe(false);
  });

  it('cancels every remote request when no back office is configured', () => {
    expect(isAllowedRequest('https://bo.example.ma/api', null, false)).toBe(false);
  });

  it('answers through the session filter', () => {
    let listener: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | undefined;
    restrictNetwork({ onBeforeRequest: (l) => (listener = l) }, BACKOFFICE, false);
    const callback = vi.fn();
    listener!({ url: 'https://evil.example/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});
