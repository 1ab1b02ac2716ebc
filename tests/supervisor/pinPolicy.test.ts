import { describe, expect, it } from 'vitest';
import { pinChoiceProblem } from '../../src/machines/supervisor/pinPolicy';

describe('which PIN a supervisor may choose', () => {
  it.each([
    ['48291', 'tooShort'],
    ['', 'tooShort'],
    ['4829a5', 'notDigits'],
    ['1234567890123', 'tooLong'],
    ['000000', 'trivial'],
    ['999999', 'trivial'],
    ['123456', 'trivial'],
    ['654321', 'trivial'],
    ['012345', 'trivial'],
    ['121212', 'trivial'],
    ['123123', 'trivial'],
  ])('refuses %s as %s', (pin, problem) => {
    expect(pinChoiceProblem(pin)).toBe(problem);
  });

  it.each(['482915', '90817263', '135792'])('accepts %s', (pin) => {
    expect(pinChoiceProblem(pin)).toBeNull();
  });
});
