import { describe, expect, it } from 'vitest';
import { guardNavigation } from '../../electron/navigationGuard';
import { FakeEmitter, preventableEvent } from './fakes/emitter';

class FakeContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

function guarded(): FakeContents {
  const contents = new FakeContents();
  guardNavigation(contents);
  return contents;
}

function navigate(contents: FakeContents, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  const navigation = preventableEvent();
  contents.emit(event, navigation, url);
  return navigation.defaultPrevented;
}

describe('navigation limited to the app', () => {
  it.each([
    'https://evil.example',
    'app://x.evil.example/index.html',
    'app://kiosk.evil.example/index.html',
    'app://kiosk@evil.example/index.html',
    'app://evil.example/kiosk/index.html',
    'file:///etc/passwd',
    'http://kiosk/index.html',
    'javascript:alert(1)',
    'data:text/html,<h1>hi</h1>',
    'not a url',
  ])('cancels will-navigate and will-redirect to %s', (url) => {
    const contents = guarded();
    expect(navigate(contents, 'will-navigate', url)).toBe(true);
    expect(navigate(contents, 'will-redirect', url)).toBe(true);
  });

  it.each(['app://kiosk/index.html', 'app://kiosk/index.html#/receipt', 'app://kiosk/out-of-order.html'])(
    'lets the app navigate to its own page %s',
    (url) => {
      const contents = guarded();
      expect(navigate(contents, 'will-navigate', url)).toBe(false);
      expect(navigate(contents, 'will-redirect', url)).toBe(false);
    },
  );

  it.each(['https://evil.example', 'app://kiosk/index.html', 'about:blank'])('denies every new window, even to %s (window.open, target=_blank, middle click)', (url) => {
    expect(guarded().windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
  });

  it("overrides a page's beforeunload, so a reload or restart always proceeds", () => {
    const contents = guarded();
    const unload = preventableEvent();
    contents.emit('will-prevent-unload', unload);
    expect(unload.defaultPrevented).toBe(true);
  });

  it('prevents any webview from attaching', () => {
    const contents = guarded();
    const attach = preventableEvent();
    contents.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
  });
});
