import { INSECURE_BACKOFFICE } from '../../supervisor/settingsValidation';
import { useSupervisorTranslation } from './supervisorLanguage';

/** The settings edited in a text field (numbers included: typed as text, checked on save). */
export type TextSetting = 'officeName' | 'officeId' | 'backofficeUrl' | 'printerName' | 'idleTimeoutSeconds' | 'retentionDays' | 'supervisorAutoLockMinutes';

interface SettingsTextFieldProps {
  field: TextSetting;
  value: string;
  /** The zod issue code; the message shown is the field's translated rule. */
  error: string | undefined;
  inputMode: 'numeric' | 'url' | undefined;
  onChange(value: string): void;
  onFocus(): void;
}

/** The field's own rule, or the sentence of a refusal its rule does not describe. */
function messageKey(field: TextSetting, error: string) {
  if (error === INSECURE_BACKOFFICE) return 'settings.errors.backofficeUrlInsecure' as const;
  if (error === 'forbiddenCharacter') return 'settings.errors.forbiddenCharacter' as const;
  if (error === 'noLetter') return 'settings.errors.noLetter' as const;
  return `settings.errors.${field}` as const;
}

export function SettingsTextField({ field, value, error, inputMode, onChange, onFocus }: SettingsTextFieldProps) {
  const { t } = useSupervisorTranslation();
  const errorId = `sv-error-${field}`;
  const inputId = `sv-setting-${field}`;
  // The error sits outside the label: it describes the field, it is not part of its name.
  return (
    <div className="sv-field">
      <label htmlFor={inputId}>{t(`settings.fields.${field}`)}</label>
      <input
        id={inputId}
        name={field}
        value={value}
        inputMode={inputMode}
        dir={inputMode ? 'ltr' : 'auto'}
        autoComplete="off"
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
        onFocus={onFocus}
      />
      {error && (
        <span id={errorId} className="sv-error">
          {t(messageKey(field, error))}
        </span>
      )}
    </div>
  );
}
