import { useState } from 'react';
import { useSupervisorTranslation } from './supervisorLanguage';
import { PIN_MAX_LENGTH } from '../../machines/supervisor/pinPolicy';

interface PinPadProps {
  /** Visible heading of the pad, e.g. "Enter the supervisor PIN". */
  label: string;
  submitLabel: string;
  disabled?: boolean;
  onSubmit(pin: string): void;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * A numeric pad with 64 px keys. The digits typed are shown only as dots, and forgotten as soon
 * as they are submitted: the pad keeps no PIN once it has handed it over.
 */
export function PinPad({ label, submitLabel, disabled = false, onSubmit }: PinPadProps) {
  const { t } = useSupervisorTranslation();
  const [pin, setPin] = useState('');

  const press = (digit: string) => setPin((current) => (current.length < PIN_MAX_LENGTH ? current + digit : current));
  const submit = () => {
    const typed = pin;
    setPin('');
    onSubmit(typed);
  };

  return (
    <div className="sv-pinpad" dir="ltr">
      <p className="sv-pinpad-label" id="sv-pin-label">
        {label}
      </p>
      <output className="sv-pinpad-dots" aria-labelledby="sv-pin-label" aria-live="polite">
        <span aria-hidden="true">{'●'.repeat(pin.length) || '\u00a0'}</span>
        <span className="sv-visually-hidden">{t('pin.digitsTyped', { count: pin.length })}</span>
      </output>
      <div className="sv-pinpad-keys">
        {DIGITS.map((digit) => (
          <button key={digit} type="button" className="sv-key" disabled={disabled} onClick={() => press(digit)}>
            {digit}
          </button>
        ))}
        <button type="button" className="sv-key" disabled={disabled || pin.length === 0} onClick={() => setPin((current) => current.slice(0, -1))} aria-label={t('pin.erase')}>
          ⌫
        </button>
        <button type="button" className="sv-key" disabled={disabled} onClick={() => press('0')}>
          0
        </button>
        <button type="button" className="sv-key sv-key-submit" disabled={disabled || pin.length === 0} onClick={submit}>
          {submitLabel}
        </button>
      </div>
    </div>
  );
}
