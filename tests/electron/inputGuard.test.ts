import { describe, expect, it, vi } from 'vitest';
import { guardInput, isBlockedShortcut, type KeyInput } from '../../electron/inputGuard';
import { FakeEmitter, preventableEvent } from './fakes/emitter';

const key = (chord: Partial<KeyInput> & { key: string }): KeyInput => ({ code: '', control: false, meta: false, alt: false, shift: false, ...chord });
const ctrl = (k: string, extra: Partial<KeyInput> = {}): KeyInput => key({ key: k, control: true, ...extra });
const cmd = (k: string, extra: Partial<KeyInput> = {}): KeyInput => key({ key: k, meta: true, ...extra });

class FakeContents extends FakeEmitter {
  readonly setVisualZoomLevelLimits = vi.fn(async (_min: number, _max: number) => undefined);
  readonly setZoomFactor = vi.fn();
}

function guarded(): FakeContents {
  const contents = new FakeContents();
  guardInput(contents);
  return contents;
}

describe('shortcuts blocked', () => {
  it.each([
    ['Ctrl+W (close)', ctrl('w')],
    ['Cmd+W (close)', cmd('w')],
    ['Ctrl+R (reload)', ctrl('r')],
    ['Ctrl+Shift+R (hard reload)', ctrl('R', { shift: true })],
    ['Ctrl+Q (quit)', ctrl('q')],
    ['Cmd+Q (quit)', cmd('q')],
    ['Ctrl+P (print dialog)', ctrl('p')],
    ['Ctrl+O (open file)', ctrl('o')],
    ['Ctrl+N (new window)', ctrl('n')],
    ['Ctrl+T (new tab)', ctrl('t')],
    ['Ctrl+M (minimise to a black screen)', ctrl('m')],
    ['Ctrl+S (save dialog)', ctrl('s')],
    ['Ctrl+Shift+I (devtools)', ctrl('I', { shift: true })],
    ['Cmd+Alt+I (devtools on macOS)', cmd('i', { alt: true })],
    ['Ctrl+Shift+J (console)', ctrl('J', { shift: true })],
    ['Ctrl++ (zoom in)', ctrl('+', { shift: true })],
    ['Ctrl+= (zoom in)', ctrl('=')],
    ['Ctrl+- (zoom out)', ctrl('-')],
    ['Ctrl+0 (zoom reset)', ctrl('0')],
    ['Ctrl+numpad + (zoom in)', ctrl('+', { code: 'NumpadAdd' })],
    ['Ctrl+Tab (switch tab)', ctrl('Tab')],
    ['Ctrl+Shift+Tab', ctrl('Tab', { shift: true })],
    ['F5 (reload)', key({ key: 'F5' })],
    ['F11 (leave full screen)', key({ key: 'F11' })],
    ['F12 (devtools)', key({ key: 'F12' })],
    ['Alt+F4 (close window)', key({ key: 'F4', alt: true })],
    ['Alt+Left (history back)', key({ key: 'ArrowLeft', alt: true })],
    ['Alt+Home', key({ key: 'Home', alt: true })],
    ['the browser Back key', key({ key: 'BrowserBack' })],
    ['the browser Refresh key', key({ key: 'BrowserRefresh' })],
  ])('blocks %s', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(true);
    const contents = guarded();
    const event = preventableEvent();
    contents.emit('before-input-event', event, input);
    expect(event.defaultPrevented).toBe(true);
  });

  it.each([
    ['a letter', key({ key: 'a' })],
    ['a capital letter', key({ key: 'A', shift: true })],
    ['an Arabic letter', key({ key: 'ب' })],
    ['a Tifinagh letter', key({ key: 'ⵣ' })],
    ['a digit', key({ key: '7' })],
    ['Backspace', key({ key: 'Backspace' })],
    ['Enter (MRZ readers end a line with it)', key({ key: 'Enter' })],
    ['Tab between fields', key({ key: 'Tab' })],
    ['Escape', key({ key: 'Escape' })],
    ['an arrow key', key({ key: 'ArrowLeft' })],
    ['Ctrl+C (copy)', ctrl('c')],
    ['Ctrl+V (paste)', ctrl('v')],
    ['Ctrl+A (select all)', ctrl('a')],
    ['Ctrl+Z (undo)', ctrl('z')],
    ['Ctrl+Backspace (delete a word)', ctrl('Backspace')],
    ['AltGr+0 typing @ on an AZERTY keyboard (Ctrl+Alt on Windows)', ctrl('@', { alt: true, code: 'Digit0' })],
    ['AltGr+E typing € on an AZERTY keyboard', ctrl('€', { alt: true, code: 'KeyE' })],
  ])('lets ordinary typing through: %s', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(false);
    const contents = guarded();
    const event = preventableEvent();
    contents.emit('before-input-event', event, input);
    expect(event.defaultPrevented).toBe(false);
  });
});

describe('zoom fixed', () => {
  it('limits the visual zoom to 1 at start and after every load', () => {
    const contents = guarded();
    expect(contents.setVisualZoomLevelLimits).toHaveBeenLastCalledWith(1, 1);
    contents.setVisualZoomLevelLimits.mockClear();
    contents.emit('did-finish-load');
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledExactlyOnceWith(1, 1);
  });

  it('puts the zoom back to 100% when Ctrl+wheel changes it', () => {
    const contents = guarded();
    contents.setZoomFactor.mockClear();
    contents.emit('zoom-changed', {}, 'in');
    expect(contents.setZoomFactor).toHaveBeenCalledExactlyOnceWith(1);
  });
});

describe('context menu suppressed', () => {
  it('swallows the context-menu event (right click, long press)', () => {
    const contents = guarded();
    const event = preventableEvent();
    contents.emit('context-menu', event, { x: 10, y: 10 });
    expect(event.defaultPrevented).toBe(true);
  });
});
