import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from './fieldSpec';
import { isLeftToRightValue } from './fieldSpec';

interface TextFieldProps {
  spec: FieldSpec;
  /** What the input shows (for dates: DD/MM/YYYY). */
  display: string;
  maxLength?: number;
  /** Focus on mount: the one field of a screen, whose keyboard is open from the start. */
  autoFocus?: boolean;
  /** Already translated: a sentence the citizen understands. */
  error: string | undefined;
  onInput(display: string): void;
  onFocus(): void;
  onEnter(): void;
}

export function fieldId(path: string): string {
  return `field-${path.replace('.', '-')}`;
}

/**
 * A real <input>, so a physical keyboard or an MRZ reader still types into it; `inputMode="none"`
 * keeps the tablet's own keyboard away, the on-screen keyboard below the form does the typing.
 * Memoised: typing into one field leaves the others as they are (their handlers are stable).
 */
export const TextField = memo(function TextField({ spec, display, maxLength, autoFocus, error, onInput, onFocus, onEnter }: TextFieldProps) {
  const { t } = useTranslation('common');
  const id = fieldId(spec.path);
  const described = [spec.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {spec.label}
        {spec.required ? null : <span className="field__optional"> ({t('form.optional')})</span>}
      </label>
      {spec.hint ? <FieldNote id={`${id}-hint`}>{spec.hint}</FieldNote> : null}
      <input
        id={id}
        className="field__input"
        data-testid={id}
        value={display}
        inputMode="none"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        maxLength={maxLength}
        autoFocus={autoFocus}
        // Latin names inside Arabic text and Latin-digit codes keep their own direction.
        dir={isLeftToRightValue(spec.kind) ? 'ltr' : 'auto'}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onFocus={onFocus}
        onChange={(event) => onInput(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onEnter();
        }}
      />
      {error ? (
        <p id={`${id}-error`} className="field__error" data-testid={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
});

function FieldNote({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="field__hint">
      {children}
    </p>
  );
}
