import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from '../../../src/ui/form/fieldSpec';
import { isLeftToRightValue } from '../../../src/ui/form/fieldSpec';

/**
 * One field of a form step with the phone's own keyboard: the input type, `inputmode` and
 * `autocomplete` fit the kind of value (a date picker for dates, the digit pad for codes, the
 * address book's phone number). The labels, hints and checks are the kiosk's (fieldSpec.ts,
 * src/domain/validation.ts).
 */
export function PortalField({ spec, value, error, onInput }: { spec: FieldSpec; value: string; error: string | undefined; onInput(value: string): void }) {
  const { t } = useTranslation('common');
  const id = `field-${spec.path.replace('.', '-')}`;
  const described = [spec.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'data-testid': id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
    'aria-required': spec.required || undefined,
  };
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {spec.label}
        {spec.required ? null : <span className="field__optional"> ({t('form.optional')})</span>}
      </label>
      {spec.hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {spec.hint}
        </p>
      ) : null}
      {spec.kind === 'select' ? (
        <select {...common} value={value} onChange={(event) => onInput(event.target.value)}>
          <option value="" />
          {spec.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          {...inputKind(spec)}
          value={value}
          maxLength={spec.maxLength}
          dir={isLeftToRightValue(spec.kind) ? 'ltr' : spec.kind === 'arabicText' ? 'rtl' : 'auto'}
          onChange={(event) => onInput(event.target.value)}
        />
      )}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type InputAttributes = Pick<HTMLAttributes<HTMLInputElement>, 'inputMode' | 'autoCapitalize' | 'autoCorrect' | 'spellCheck' | 'lang'> & { type?: string; autoComplete?: string };

const AUTOCOMPLETE: Record<string, string> = {
  'identity.lastNameLatin': 'family-name',
  'identity.firstNameLatin': 'given-name',
  'identity.dateOfBirth': 'bday',
  'identity.phone': 'tel',
};

function inputKind(spec: FieldSpec): InputAttributes {
  const autoComplete = AUTOCOMPLETE[spec.path] ?? 'off';
  switch (spec.kind) {
    case 'date':
      return { type: 'date', autoComplete };
    case 'phone':
      return { type: 'tel', inputMode: 'tel', autoComplete };
    case 'cin':
      return { type: 'text', autoCapitalize: 'characters', autoCorrect: 'off', spellCheck: false, autoComplete };
    case 'digits':
    case 'year':
    case 'postalCode':
      return { type: 'text', inputMode: 'numeric', autoComplete: spec.kind === 'postalCode' ? 'postal-code' : autoComplete };
    case 'arabicText':
      return { type: 'text', lang: 'ar', autoComplete, spellCheck: false };
    case 'text':
    case 'select':
      return { type: 'text', autoComplete, spellCheck: false };
  }
}
