import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface InlineFormProps {
  /** Names the form for tests and its error for screen readers (`<name>-form`, `<name>-error`, `<name>-confirm`). */
  name: string;
  error: string | null;
  busy: boolean;
  confirmLabel: string;
  /** `danger` for an action that cannot be taken back (a refusal). */
  confirmKind?: 'primary' | 'danger';
  onSubmit(form: HTMLFormElement): void;
  onCancel(): void;
  children: ReactNode;
}

/**
 * The frame of a console form opened in place (a refusal, a collection, a catalogue service):
 * its fields, the error said aloud and tied to the form, then confirm and cancel. Checking is the
 * caller's: the browser's own validation is off, so every message comes in the console's words.
 */
export function InlineForm({ name, error, busy, confirmLabel, confirmKind = 'primary', onSubmit, onCancel, children }: InlineFormProps) {
  const { t } = useTranslation('console');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(event.currentTarget);
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate data-testid={`${name}-form`} aria-describedby={error ? `${name}-error` : undefined}>
      {children}
      {error ? (
        <p id={`${name}-error`} role="alert" className="error">
          {error}
        </p>
      ) : null}
      <div className="buttons">
        <button type="submit" className={confirmKind} disabled={busy} data-testid={`${name}-confirm`}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
