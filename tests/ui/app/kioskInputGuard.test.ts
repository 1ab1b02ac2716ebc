import { afterEach, describe, expect, it } from 'vitest';
import { installKioskInputGuard } from '../../../src/app/kioskInputGuard';

let remove: (() => void) | undefined;
afterEach(() => remove?.());

function dispatch(event: Event): boolean {
  return document.body.dispatchEvent(event);
}

describe('the kiosk page refuses escape and zoom gestures', () => {
  it.each([
    ['a long press opening the context menu', () => new MouseEvent('contextmenu', { bubbles: true, cancelable: true })],
    ['dragging something out of the page', () => new Event('dragstart', { bubbles: true, cancelable: true })],
    ['Ctrl + plus', () => new KeyboardEvent('keydown', { key: '+', ctrlKey: true, bubbles: true, cancelable: true })],
    ['Ctrl + minus', () => new KeyboardEvent('keydown', { key: '-', ctrlKey: true, bubbles: true, cancelable: true })],
    ['Ctrl + 0', () => new KeyboardEvent('keydown', { key: '0', ctrlKey: true, bubbles: true, cancelable: true })],
    ['Cmd + equals', () => new KeyboardEvent('keydown', { key: '=', metaKey: true, bubbles: true, cancelable: true })],
    ['Ctrl + wheel', () => new WheelEvent('wheel', { deltaY: -100, ctrlKey: true, bubbles: true, cancelable: true })],
  ])('refuses %s', (_label, make) => {
    remove = installKioskInputGuard(window);
    expect(dispatch(make())).toBe(false);
  });

  it.each([
    ['typing a digit', () => new KeyboardEvent('keydown', { key: '0', bubbles: true, cancelable: true })],
    ['typing a minus sign', () => new KeyboardEvent('keydown', { key: '-', bubbles: true, cancelable: true })],
    ['scrolling a list', () => new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true })],
    ['a tap', () => new MouseEvent('click', { bubbles: true, cancelable: true })],
  ])('lets %s through', (_label, make) => {
    remove = installKioskInputGuard(window);
    expect(dispatch(make())).toBe(true);
  });

  it('can be removed', () => {
    installKioskInputGuard(window)();
    expect(dispatch(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }))).toBe(true);
  });
});
