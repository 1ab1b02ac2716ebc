// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { refuseAuxiliaryClicks, refuseFilePickers } from '../../electron/filePickerGuard';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function fileInput(): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'file';
  return input;
}

describe('file pickers impossible', () => {
  beforeAll(() => {
    document.body.innerHTML = '<form><input id="present" type="file"><input id="name" type="text"></form>';
    refuseFilePickers(document);
    refuseAuxiliaryClicks(document);
  });

  it('disables a file input already in the page', () => {
    expect((document.getElementById('present') as HTMLInputElement).disabled).toBe(true);
  });

  it('disables a file input added later, even inside another element', async () => {
    const wrapper = document.createElement('div');
    const input = fileInput();
    wrapper.append(input);
    document.body.append(wrapper);
    await settle();
    expect(input.disabled).toBe(true);
  });

  it('disables an input turned into a file input, and one re-enabled by a script', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    await settle();
    expect(input.disabled).toBe(false);
    input.type = 'file';
    await settle();
    expect(input.disabled).toBe(true);
    input.disabled = false;
    await settle();
    expect(input.disabled).toBe(true);
  });

  it('cancels a click on a file input before the picker opens', () => {
    const input = fileInput();
    document.body.append(input);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    input.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
  });

  it('leaves text inputs and their clicks alone', () => {
    const text = document.getElementById('name') as HTMLInputElement;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    text.dispatchEvent(click);
    expect(text.disabled).toBe(false);
    expect(click.defaultPrevented).toBe(false);
  });

  it('cancels middle clicks (auxclick), which would open links in a new window', () => {
    const link = document.createElement('a');
    link.href = '#/home';
    document.body.append(link);
    const middle = new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 });
    link.dispatchEvent(middle);
    expect(middle.defaultPrevented).toBe(true);
  });
});
