/** Which PINs a supervisor may choose. Pure: the machine and the settings form both use it. */

export const PIN_MIN_LENGTH = 6;
export const PIN_MAX_LENGTH = 12;

export type PinChoiceProblem = 'notDigits' | 'tooShort' | 'tooLong' | 'trivial';

function isSequential(pin: string, step: 1 | -1): boolean {
  for (let i = 1; i < pin.length; i += 1) {
    if (Number(pin[i]) - Number(pin[i - 1]) !== step) return false;
  }
  return true;
}

/** A PIN made of one short block repeated (000000, 121212, 123123) is guessed first. */
function isRepeatedBlock(pin: string): boolean {
  for (let size = 1; size <= 3; size += 1) {
    const block = pin.slice(0, size);
    if (pin.length % size === 0 && block.repeat(pin.length / size) === pin) return true;
  }
  return false;
}

/** Null when the PIN is acceptable; otherwise the reason, which the screen translates. */
export function pinChoiceProblem(pin: string): PinChoiceProblem | null {
  if (!/^[0-9]*$/.test(pin)) return 'notDigits';
  if (pin.length < PIN_MIN_LENGTH) return 'tooShort';
  if (pin.length > PIN_MAX_LENGTH) return 'tooLong';
  if (isRepeatedBlock(pin) || isSequential(pin, 1) || isSequential(pin, -1)) return 'trivial';
  return null;
}
