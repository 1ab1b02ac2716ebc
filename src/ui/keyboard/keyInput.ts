/**
 * What a key does to the value, as pure functions. The on-screen keyboard always edits at the
 * end of the value (a kiosk has no caret to move; a mistake is undone with backspace), and the
 * value lives in the screen's state, never inside simple-keyboard.
 */
export type KeyAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'enter' }
  | { type: 'shift' };

export function keyAction(button: string): KeyAction {
  switch (button) {
    case '{bksp}':
      return { type: 'backspace' };
    case '{enter}':
      return { type: 'enter' };
    case '{shift}':
      return { type: 'shift' };
    case '{space}':
      return { type: 'insert', text: ' ' };
    default:
      return { type: 'insert', text: button };
  }
}

/** The value after an insert or a backspace; the same value when the key is refused (over `maxLength`). */
export function applyEdit(
  value: string,
  action: Extract<KeyAction, { type: 'insert' | 'backspace' }>,
  maxLength?: number,
): string {
  if (action.type === 'backspace') {
    // Remove one whole character (a code point), never half of a surrogate pair.
    return Array.from(value).slice(0, -1).join('');
  }
  const next = value + action.text;
  // Counted in UTF-16 units, like the input's maxlength attribute and the domain's validators.
  return maxLength !== undefined && next.length > maxLength ? value : next;
}
