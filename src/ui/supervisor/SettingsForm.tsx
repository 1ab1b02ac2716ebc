import { useEffect, useState, type FormEvent } from 'react';
import { useSupervisorTranslation } from './supervisorLanguage';
import { LOCALES, type Locale } from '../../domain/locales';
import type { KioskSettings } from '../../domain/settings';
import type { SettingsField, SupervisorServices } from '../../supervisor/types';
import { SettingsTextField, type TextSetting } from './SettingsTextField';
import { useTouchKeyboard, type TouchFieldKind } from './useTouchKeyboard';

type Errors = Partial<Record<SettingsField, string>>;
const FIELD_KINDS: Record<TextSetting, TouchFieldKind> = {
  officeName: 'text',
  officeId: 'latin',
  backofficeUrl: 'latin',
  printerName: 'latin',
  idleTimeoutSeconds: 'number',
  retentionDays: 'number',
  supervisorAutoLockMinutes: 'number',
};
/** The settings typed as numbers: edited as text, so a half-typed value is not lost. */
type NumberSetting = 'idleTimeoutSeconds' | 'retentionDays' | 'supervisorAutoLockMinutes';
type Draft = Omit<KioskSettings, NumberSetting> & Record<NumberSetting, string>;

function toDraft(settings: KioskSettings): Draft {
  return {
    ...settings,
    idleTimeoutSeconds: String(settings.idleTimeoutSeconds),
    retentionDays: String(settings.retentionDays),
    supervisorAutoLockMinutes: String(settings.supervisorAutoLockMinutes),
  };
}

/** Numbers typed as text; anything that is not a whole number fails the schema and shows the field's message. */
function fromDraft(draft: Draft): KioskSettings {
  const asNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);
  return {
    ...draft,
    idleTimeoutSeconds: asNumber(draft.idleTimeoutSeconds),
    retentionDays: asNumber(draft.retentionDays),
    supervisorAutoLockMinutes: asNumber(draft.supervisorAutoLockMinutes),
  };
}

export function SettingsForm({ services }: { services: SupervisorServices }) {
  const { t } = useSupervisorTranslation();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  const touch = useTouchKeyboard<TextSetting>();

  useEffect(() => {
    let live = true;
    void services.settings.load().then((settings) => live && setDraft(toDraft(settings)));
    return () => {
      live = false;
    };
  }, [services]);

  if (!draft) return <p role="status">{t('settings.loading')}</p>;

  const update = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  };
  const toggleLocale = (locale: Locale) =>
    update({ enabledLocales: draft.enabledLocales.includes(locale) ? draft.enabledLocales.filter((l) => l !== locale) : LOCALES.filter((l) => l === locale || draft.enabledLocales.includes(l)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    touch.close();
    const outcome = await services.settings.save(fromDraft(draft));
    if (outcome.ok) {
      setErrors({});
      setDraft(toDraft(outcome.settings));
      setSaved(true);
    } else {
      setErrors(outcome.errors);
    }
  };

  const text = (field: TextSetting, inputMode?: 'numeric' | 'url') => (
    <SettingsTextField
      field={field}
      value={draft[field]}
      error={errors[field]}
      inputMode={inputMode}
      onChange={(value) => update({ [field]: value })}
      {...touch.field(field, FIELD_KINDS[field])}
    />
  );

  return (
    <form className="sv-card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="sv-settings-form-title">
      <h3 id="sv-settings-form-title">{t('settings.formTitle')}</h3>
      {text('officeName')}
      {text('officeId')}
      {text('backofficeUrl', 'url')}
      {text('idleTimeoutSeconds', 'numeric')}
      {text('retentionDays', 'numeric')}
      {text('supervisorAutoLockMinutes', 'numeric')}
      {text('printerName')}
      <fieldset className="sv-field" aria-describedby={errors.enabledLocales ? 'sv-error-enabledLocales' : undefined}>
        <legend>{t('settings.fields.enabledLocales')}</legend>
        {LOCALES.map((locale) => (
          <label key={locale} className="sv-check">
            <input type="checkbox" checked={draft.enabledLocales.includes(locale)} onChange={() => toggleLocale(locale)} />
            <span lang={locale}>{t(`languages.${locale}`)}</span>
          </label>
        ))}
        {errors.enabledLocales && (
          <p id="sv-error-enabledLocales" className="sv-error">
            {t('settings.errors.enabledLocales')}
          </p>
        )}
      </fieldset>
      <div className="sv-field">
        <label htmlFor="sv-setting-defaultLocale">{t('settings.fields.defaultLocale')}</label>
        <select
          id="sv-setting-defaultLocale"
          value={draft.defaultLocale}
          onChange={(event) => update({ defaultLocale: event.target.value as Locale })}
          aria-invalid={Boolean(errors.defaultLocale)}
          aria-describedby={errors.defaultLocale ? 'sv-error-defaultLocale' : undefined}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale}>
              {t(`languages.${locale}`)}
            </option>
          ))}
        </select>
        {errors.defaultLocale && (
          <span id="sv-error-defaultLocale" className="sv-error">
            {t('settings.errors.defaultLocale')}
          </span>
        )}
      </div>
      {touch.active && touch.keyboard(draft[touch.active], (value) => update({ [touch.active!]: value }))}
      <button type="submit" className="sv-button sv-button-primary">
        {t('actions.save')}
      </button>
      {saved && <p role="status">{t('settings.saved')}</p>}
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="sv-error">
          {t('settings.fixErrors')}
        </p>
      )}
    </form>
  );
}
