import { useTranslation } from 'react-i18next';
import { Pictogram } from '../components/Pictogram';
import { TouchButton } from '../components/TouchButton';
import type { FieldSpec } from './fieldSpec';
import { fieldId } from './TextField';

/**
 * A choice among a few answers: large buttons, the chosen one marked, no drop-down to aim at.
 * Each answer has its pictogram and, with spoken guidance on, says itself on the first touch and
 * is taken on the second (or "choose"), like every other choice.
 */
interface SelectFieldProps {
  spec: FieldSpec;
  value: string;
  /** Already translated: a sentence the citizen understands. */
  error: string | undefined;
  onChange(value: string): void;
}

export function SelectField({ spec, value, error, onChange }: SelectFieldProps) {
  const { t } = useTranslation('common');
  const id = fieldId(spec.path);
  return (
    <fieldset className={error ? 'field field--invalid' : 'field'} data-testid={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">
        {spec.label}
        {spec.required ? null : <span className="field__optional"> ({t('form.optional')})</span>}
      </legend>
      <div className="field__options" role="radiogroup" aria-label={spec.label}>
        {spec.options?.map((option) => (
          <TouchButton
            key={option.value}
            role="radio"
            aria-checked={value === option.value}
            variant={value === option.value ? 'primary' : 'secondary'}
            testId={`${id}-${option.value}`}
            prompt={option.prompt}
            onClick={() => onChange(option.value)}
          >
            <Pictogram name={option.pictogram} size={32} />
            {option.label}
          </TouchButton>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error" data-testid={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
