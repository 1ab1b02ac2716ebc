import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import ar from '../../locales/ar/keyboard.json';
import en from '../../locales/en/keyboard.json';
import fr from '../../locales/fr/keyboard.json';
import zgh from '../../locales/zgh/keyboard.json';
import type { FieldKind } from '../../src/domain/catalogue';
import type { Locale } from '../../src/domain/locales';
import { createI18n } from '../../src/i18n/createI18n';
import { OnScreenKeyboard } from '../../src/ui/keyboard/OnScreenKeyboard';
import { layoutForField, type KeyboardLayoutName } from '../../src/ui/keyboard/layouts';

interface Setup {
  initial?: string;
  maxLength?: number;
  onEnter?: () => void;
  locale?: Locale;
  onSubmit?: () => void;
}

/** The keyboard under a screen that keeps the value in its state, as the real screens do. */
function renderKeyboard(layout: KeyboardLayoutName, { initial = '', maxLength, onEnter, locale = 'en', onSubmit }: Setup = {}) {
  const changes: string[] = [];
  function Screen() {
    const [value, setValue] = useState(initial);
    return (
      <>
        <output data-testid="value">{value}</output>
        <OnScreenKeyboard
          layout={layout}
          value={value}
          onChange={(next) => {
            changes.push(next);
            setValue(next);
          }}
          onEnter={onEnter}
          maxLength={maxLength}
        />
      </>
    );
  }
  const view = render(
    <I18nextProvider i18n={createI18n(locale)}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit?.();
        }}
      >
        <Screen />
      </form>
    </I18nextProvider>,
  );
  const user = userEvent.setup();
  const key = (button: string): HTMLElement => {
    const found = [...view.container.querySelectorAll<HTMLElement>('[data-skbtn]')].find((el) => el.dataset['skbtn'] === button);
    if (!found) throw new Error(`no key ${button} on the ${layout} keyboard`);
    return found;
  };
  const tap = async (...buttons: string[]) => {
    for (const button of buttons) await user.click(key(button));
  };
  const keysShown = () =>
    [...view.container.querySelectorAll<HTMLElement>('[data-skbtn]')].map((el) => el.dataset['skbtn'] ?? '');
  const value = () => screen.getByTestId('value').textContent;
  return { changes, key, tap, keysShown, value };
}

const BASIC_TIFINAGH = ['ⴰ', 'ⴱ', 'ⴳ', 'ⴳⵯ', 'ⴷ', 'ⴹ', 'ⴻ', 'ⴼ', 'ⴽ', 'ⴽⵯ', 'ⵀ', 'ⵃ', 'ⵄ', 'ⵅ', 'ⵇ', 'ⵉ', 'ⵊ', 'ⵍ', 'ⵎ', 'ⵏ', 'ⵓ', 'ⵔ', 'ⵕ', 'ⵖ', 'ⵙ', 'ⵚ', 'ⵛ', 'ⵜ', 'ⵟ', 'ⵡ', 'ⵢ', 'ⵣ', 'ⵥ', 'ⵯ'];

describe('the on-screen keyboard', () => {
  it.each<[KeyboardLayoutName, string[], string]>([
    ['arabic', ['ب', 'ي', 'ت', '{space}', 'ك'], 'بيت ك'],
    ['azerty', ['a', 'z', '{shift}', 'E', '{space}'], 'azE '],
    ['tifinagh', ['ⴰ', 'ⵣ', 'ⵓ', 'ⵍ'], 'ⴰⵣⵓⵍ'],
    ['numeric', ['1', '9', '9', '0'], '1990'],
    ['cin', ['A', 'B', '1', '2', '3', '4', '5'], 'AB12345'],
  ])('types on the %s layout through onChange', async (layout, keys, typed) => {
    const keyboard = renderKeyboard(layout);
    await keyboard.tap(...keys);
    expect(keyboard.value()).toBe(typed);
    expect(keyboard.changes.at(-1)).toBe(typed);
  });

  it.each<KeyboardLayoutName>(['arabic', 'azerty', 'tifinagh', 'numeric', 'cin'])('erases the last character on the %s layout', async (layout) => {
    const keyboard = renderKeyboard(layout, { initial: 'ⴰⵣ7' });
    await keyboard.tap('{bksp}');
    expect(keyboard.value()).toBe('ⴰⵣ');
  });

  it('leaves an empty value alone when backspace is tapped', async () => {
    const keyboard = renderKeyboard('numeric');
    await keyboard.tap('{bksp}');
    expect(keyboard.changes).toEqual([]);
  });

  it('refuses a key that would go past maxLength', async () => {
    const keyboard = renderKeyboard('numeric', { maxLength: 3 });
    await keyboard.tap('1', '2', '3', '4');
    expect(keyboard.value()).toBe('123');
    expect(keyboard.changes).toEqual(['1', '12', '123']);
  });

  it('refuses a two-character Tifinagh key that does not fit whole', async () => {
    const keyboard = renderKeyboard('tifinagh', { initial: 'ⴰ', maxLength: 2 });
    await keyboard.tap('ⴳⵯ');
    expect(keyboard.value()).toBe('ⴰ');
  });

  it.each(BASIC_TIFINAGH)('has a Tifinagh key that types %s', async (letter) => {
    const keyboard = renderKeyboard('tifinagh');
    await keyboard.tap(letter);
    expect(keyboard.value()).toBe(letter);
  });

  it('shows every Tifinagh letter on one layer, with no hidden shift layer', () => {
    const keyboard = renderKeyboard('tifinagh');
    expect(keyboard.keysShown()).toEqual(expect.arrayContaining(BASIC_TIFINAGH));
    expect(keyboard.keysShown()).not.toContain('{shift}');
  });

  it('gives only the ten digits on the numeric pad', () => {
    const characterKeys = renderKeyboard('numeric', { onEnter: () => {} }).keysShown().filter((k) => !k.startsWith('{'));
    expect(characterKeys.sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('gives only capital Latin letters and digits on the CIN pad', () => {
    const characterKeys = renderKeyboard('cin').keysShown().filter((k) => !k.startsWith('{'));
    expect(characterKeys).toHaveLength(36);
    for (const k of characterKeys) expect(k).toMatch(/^[A-Z0-9]$/);
  });

  it('calls onEnter from the enter key', async () => {
    const onEnter = vi.fn();
    await renderKeyboard('cin', { onEnter }).tap('{enter}');
    expect(onEnter).toHaveBeenCalledOnce();
  });

  it('shows no enter key when the screen has nothing for it to do', () => {
    expect(renderKeyboard('numeric').keysShown()).not.toContain('{enter}');
  });

  it('shows the shift key as pressed while the second layer is on', async () => {
    const keyboard = renderKeyboard('azerty');
    expect(keyboard.key('{shift}').getAttribute('aria-pressed')).toBe('false');
    await keyboard.tap('{shift}');
    expect(keyboard.key('{shift}').getAttribute('aria-pressed')).toBe('true');
    expect(keyboard.keysShown()).toContain('A');
  });

  it('starts unshifted when the screen moves to a field with another layout', async () => {
    const view = render(
      <I18nextProvider i18n={createI18n('en')}>
        <OnScreenKeyboard layout="azerty" value="" onChange={() => {}} />
      </I18nextProvider>,
    );
    const shiftKey = () => view.container.querySelector('[data-skbtn="{shift}"]')!;
    await userEvent.setup().click(shiftKey());
    expect(shiftKey().getAttribute('aria-pressed')).toBe('true');
    view.rerender(
      <I18nextProvider i18n={createI18n('en')}>
        <OnScreenKeyboard layout="arabic" value="" onChange={() => {}} />
      </I18nextProvider>,
    );
    expect(shiftKey().getAttribute('aria-pressed')).toBe('false');
  });

  it('never submits the form it sits in', async () => {
    const onSubmit = vi.fn();
    await renderKeyboard('cin', { onSubmit, onEnter: () => {} }).tap('A', '{bksp}', '{enter}');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('keeps the key grid left to right for Arabic and turns the backspace arrow with the script', () => {
    const keyboard = renderKeyboard('arabic', { locale: 'ar' });
    expect(screen.getByTestId('on-screen-keyboard').getAttribute('dir')).toBe('ltr');
    expect(keyboard.key('{bksp}').textContent).toBe('⌦');
    expect(renderKeyboard('azerty').key('{bksp}').textContent).toBe('⌫');
  });

  it.each<[Locale, typeof en]>([
    ['ar', ar],
    ['zgh', zgh],
    ['fr', fr],
    ['en', en],
  ])('names the special keys in %s', (locale, texts) => {
    const keyboard = renderKeyboard('azerty', { locale, onEnter: () => {} });
    expect(keyboard.key('{bksp}').getAttribute('aria-label')).toBe(texts.backspace);
    expect(keyboard.key('{space}').getAttribute('aria-label')).toBe(texts.space);
    expect(keyboard.key('{enter}').getAttribute('aria-label')).toBe(texts.enter);
    expect(keyboard.key('{shift}').getAttribute('aria-label')).toBe(texts.shift);
    expect(screen.getByRole('group', { name: texts.keyboard })).toBeTruthy();
    expect(keyboard.key('{enter}').getAttribute('lang')).toBe(locale);
  });

  it('marks the letters with the language of the layout, whatever the language of the screen', () => {
    renderKeyboard('tifinagh', { locale: 'fr' });
    expect(screen.getByTestId('on-screen-keyboard').getAttribute('lang')).toBe('zgh');
  });
});

const ARABIC_LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];
const DESKTOP_SYMBOLS = ['{tab}', '{lock}', '@', '#', '$', '%', '&', '*', '.com', '\\', '|', '~', '^', '_', '=', '+', 'ـ'];

describe('keyboards made for names and scripts', () => {
  it('puts every French accented letter, the apostrophe and the hyphen on the first layer of the name keyboard', () => {
    const keys = renderKeyboard('frenchName').keysShown();
    expect(keys).toEqual(expect.arrayContaining(['é', 'è', 'ê', 'ë', 'à', 'â', 'ç', 'î', 'ï', 'ô', 'ù', 'û', 'ü', "'", '-', ...'azertyuiopqsdfghjklmwxcvbn']));
  });

  it('types a French name with its accents and apostrophe, capitals from shift', async () => {
    const keyboard = renderKeyboard('frenchName');
    await keyboard.tap('{shift}', 'A', '{shift}', 'ï', 't', "'", 'h', 'é', 'l', 'è', 'n', 'e');
    expect(keyboard.value()).toBe("Aït'hélène");
  });

  it('puts the 28 Arabic letters and the hamza forms on one layer, with no shift layer', () => {
    const keys = renderKeyboard('arabicName', { locale: 'ar' }).keysShown();
    expect(keys).toEqual(expect.arrayContaining([...ARABIC_LETTERS, 'ء', 'أ', 'إ', 'آ', 'ؤ', 'ئ', 'ة', 'ى']));
    expect(keys).not.toContain('{shift}');
  });

  it.each(['frenchName', 'frenchText', 'arabicName', 'arabicText'] as const)('shows no desktop symbol on the %s keyboard, shifted or not', async (layout) => {
    const keyboard = renderKeyboard(layout, { onEnter: () => {} });
    const keys = keyboard.keysShown();
    if (keys.includes('{shift}')) {
      await keyboard.tap('{shift}');
      keys.push(...keyboard.keysShown());
    }
    for (const symbol of DESKTOP_SYMBOLS) expect(keys).not.toContain(symbol);
  });

  it('gives digits to the free-text keyboards (addresses) and none to the name keyboards', () => {
    expect(renderKeyboard('frenchText').keysShown()).toContain('7');
    expect(renderKeyboard('arabicText').keysShown()).toContain('7');
    expect(renderKeyboard('frenchName').keysShown()).not.toContain('7');
    expect(renderKeyboard('arabicName').keysShown()).not.toContain('7');
  });
});

describe('which keyboard a field gets', () => {
  it.each<[FieldKind | 'latinName', Locale, KeyboardLayoutName | null]>([
    ['digits', 'fr', 'numeric'],
    ['year', 'ar', 'numeric'],
    ['postalCode', 'zgh', 'numeric'],
    ['phone', 'en', 'numeric'],
    ['date', 'ar', 'numeric'],
    ['cin', 'ar', 'cin'],
    ['cin', 'fr', 'cin'],
    ['arabicText', 'fr', 'arabicName'],
    ['arabicText', 'ar', 'arabicName'],
    ['arabicText', 'zgh', 'arabicName'],
    ['text', 'ar', 'arabicText'],
    ['text', 'fr', 'frenchText'],
    ['text', 'en', 'frenchText'],
    ['text', 'zgh', 'frenchText'],
    ['latinName', 'ar', 'frenchName'],
    ['latinName', 'zgh', 'frenchName'],
    ['latinName', 'fr', 'frenchName'],
    ['select', 'fr', null],
  ])('gives a %s field in %s the %s keyboard', (kind, locale, layout) => {
    expect(layoutForField(kind, locale)).toBe(layout);
  });
});
