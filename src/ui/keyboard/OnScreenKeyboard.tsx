import { useCallback, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Keyboard from 'react-simple-keyboard';
import type { KeyboardButtonAttributes, KeyboardButtonTheme } from 'simple-keyboard';
import 'simple-keyboard/build/css/index.css';
import './OnScreenKeyboard.css';
import { applyEdit, keyAction } from './keyInput';
import { KEYBOARD_LAYOUTS, type KeyboardLayoutName } from './layouts';

export interface OnScreenKeyboardProps {
  layout: KeyboardLayoutName;
  value: string;
  onChange(value: string): void;
  /** Without it the keyboard has no enter key. */
  onEnter?(): void;
  maxLength?: number;
}

const NO_ENTER = ['{enter}'];
const WITH_ENTER = { default: [], shift: [] };
const WITHOUT_ENTER = { default: NO_ENTER, shift: NO_ENTER };
const SHIFT_ON: KeyboardButtonTheme[] = [{ class: 'osk-key-on', buttons: '{shift}' }];
const NO_THEME: KeyboardButtonTheme[] = [];

/**
 * A touch keyboard beside a real `<input>` (a physical keyboard or a keyboard-wedge MRZ reader
 * still types there). simple-keyboard draws the keys; the value stays with the screen, and each
 * key is applied to it by `applyEdit`, so a reset of the screen can never leave a copy behind.
 */
export function OnScreenKeyboard({ layout, value, onChange, onEnter, maxLength }: OnScreenKeyboardProps) {
  const { t, i18n } = useTranslation('keyboard');
  // Shift belongs to the layout it was pressed on: moving to another field starts unshifted.
  const [shiftedLayout, setShiftedLayout] = useState<KeyboardLayoutName | null>(null);
  const definition = KEYBOARD_LAYOUTS[layout];
  const hasShift = definition.rows.shift !== undefined;
  const shifted = hasShift && shiftedLayout === layout;
  const layerName = shifted ? 'shift' : 'default';

  // react-simple-keyboard hands its props to simple-keyboard again whenever one of them is a new
  // object, and simple-keyboard then compares every option as JSON (and redraws the keys if one
  // differs). Every typed character re-renders this component with a new value: the options are
  // built only when what they show changes, and the key handler is one function for the
  // keyboard's life that reads the latest props.
  const latest = useRef({ value, onChange, onEnter, maxLength, layout, shifted });
  useLayoutEffect(() => {
    latest.current = { value, onChange, onEnter, maxLength, layout, shifted };
  });
  const handleKeyPress = useCallback((button: string) => {
    const current = latest.current;
    const action = keyAction(button);
    if (action.type === 'shift') setShiftedLayout(current.shifted ? null : current.layout);
    else if (action.type === 'enter') current.onEnter?.();
    else {
      const next = applyEdit(current.value, action, current.maxLength);
      if (next !== current.value) current.onChange(next);
    }
  }, []);

  const keyLayout = useMemo(() => ({ default: [...definition.rows.default], ...(definition.rows.shift ? { shift: [...definition.rows.shift] } : {}) }), [definition]);
  const display = useMemo(
    () => ({ '{bksp}': definition.direction === 'rtl' ? '⌦' : '⌫', '{enter}': t('enter'), '{space}': t('space'), '{shift}': '⇧' }),
    [definition.direction, t],
  );
  const buttonAttributes = useMemo<KeyboardButtonAttributes[]>(
    () => [
      // Keys are real buttons (reachable, named); inside a form they must never submit it.
      { attribute: 'type', value: 'button', buttons: allKeys(definition.rows) },
      // Letters are in the layout's language (the container's lang); the named keys speak the citizen's.
      { attribute: 'lang', value: i18n.language, buttons: '{bksp} {enter} {space} {shift}' },
      { attribute: 'aria-label', value: t('backspace'), buttons: '{bksp}' },
      { attribute: 'aria-label', value: t('enter'), buttons: '{enter}' },
      { attribute: 'aria-label', value: t('space'), buttons: '{space}' },
      ...(hasShift
        ? [
            { attribute: 'aria-label', value: t('shift'), buttons: '{shift}' },
            { attribute: 'aria-pressed', value: String(shifted), buttons: '{shift}' },
          ]
        : []),
    ],
    [definition.rows, i18n.language, t, hasShift, shifted],
  );
  const buttonTheme = shifted ? SHIFT_ON : NO_THEME;
  const excludeFromLayout = onEnter ? WITH_ENTER : WITHOUT_ENTER;

  return (
    <div
      className="osk"
      role="group"
      aria-label={t('keyboard')}
      // Key positions follow the physical keyboards (ض is top left on an Arabic keyboard too),
      // so the grid is never mirrored; only the backspace arrow turns with the script.
      dir="ltr"
      lang={definition.lang}
      data-layout={layout}
      data-testid="on-screen-keyboard"
      // Tapping a key must not take the focus away from the field being typed into.
      onMouseDown={keepFocusInField}
    >
      <Keyboard
        layout={keyLayout}
        layoutName={layerName}
        theme="hg-theme-default osk-theme"
        display={display}
        buttonAttributes={buttonAttributes}
        buttonTheme={buttonTheme}
        excludeFromLayout={excludeFromLayout}
        onKeyPress={handleKeyPress}
        useButtonTag
        // Hesitant fingers rest on keys: holding must not repeat a letter.
        disableButtonHold
        preventMouseDownDefault
      />
    </div>
  );
}

function keepFocusInField(event: MouseEvent) {
  event.preventDefault();
}

function allKeys(rows: { default: readonly string[]; shift?: readonly string[] }): string {
  return [...new Set([...rows.default, ...(rows.shift ?? [])].flatMap((row) => row.split(' ')))].join(' ');
}
