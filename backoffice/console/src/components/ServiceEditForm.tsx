import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOGUE_TEXT, MAX_SERVICE_DOCUMENTS, serviceEditBodySchema, type CatalogueServiceRow, type ServiceEdit } from '../../../../src/domain/console/catalogueAdmin';
import { directionOf, LOCALES, type Locale, type LocalizedText } from '../../../../src/domain/locales';
import { InlineForm } from './InlineForm';

interface ServiceEditFormProps {
  service: CatalogueServiceRow;
  version: number;
  busy: boolean;
  onSave(edit: ServiceEdit): void;
  onCancel(): void;
}

/** A text the kiosk shows, typed once per kiosk language (each in its own direction). */
function LocalizedInputs({ legend, name, value, onChange }: { legend: string; name: string; value: LocalizedText; onChange(value: LocalizedText): void }) {
  const { t } = useTranslation('console');
  const change = (locale: Locale) => (event: ChangeEvent<HTMLInputElement>) => onChange({ ...value, [locale]: event.target.value });
  return (
    <fieldset className="localized">
      <legend>{legend}</legend>
      {LOCALES.map((locale) => (
        <label key={locale}>
          {t(`languages.${locale}`)}
          <input lang={locale} dir={directionOf(locale)} maxLength={CATALOGUE_TEXT.max} value={value[locale]} onChange={change(locale)} data-testid={`${name}-${locale}`} />
        </label>
      ))}
    </fieldset>
  );
}

const EMPTY_TEXT: LocalizedText = { ar: '', zgh: '', fr: '', en: '' };

/**
 * One service's everyday settings: offered or not, delay (text and days), fee, documents. The
 * form is checked with the contract's own schema before it is sent, so the admin reads the same
 * rule the back office applies.
 */
export function ServiceEditForm({ service, version, busy, onSave, onCancel }: ServiceEditFormProps) {
  const { t } = useTranslation('console');
  const [active, setActive] = useState(service.active);
  const [delay, setDelay] = useState(service.delay);
  const [delayDays, setDelayDays] = useState(service.delayDays === null ? '' : String(service.delayDays));
  const [feeAmount, setFeeAmount] = useState(service.fee.amountMad === null ? '' : String(service.fee.amountMad));
  const [feeConfirmed, setFeeConfirmed] = useState(service.fee.confirmed);
  const [documents, setDocuments] = useState(service.documents);
  const [error, setError] = useState<string | null>(null);

  const number = (text: string) => (text.trim() === '' ? null : Number(text.trim().replace(',', '.')));
  const submit = () => {
    const checked = serviceEditBodySchema.safeParse({
      expectedVersion: version,
      active,
      delay,
      delayDays: number(delayDays),
      fee: { amountMad: number(feeAmount), confirmed: feeConfirmed },
      documents,
    });
    if (!checked.success) return setError(t('catalogue.invalid', { max: CATALOGUE_TEXT.max }));
    setError(null);
    onSave(checked.data);
  };

  return (
    <InlineForm name="service-edit" error={error} busy={busy} confirmLabel={t('catalogue.save')} onSubmit={submit} onCancel={onCancel}>
      <label className="check">
        <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} data-testid="service-active" />
        {t('catalogue.offered')}
      </label>
      <LocalizedInputs legend={t('catalogue.delay')} name="service-delay" value={delay} onChange={setDelay} />
      <label>
        {t('catalogue.delayDays')}
        <input inputMode="numeric" dir="ltr" value={delayDays} onChange={(event) => setDelayDays(event.target.value)} data-testid="service-delay-days" />
      </label>
      <label>
        {t('catalogue.feeAmount')}
        <input inputMode="decimal" dir="ltr" value={feeAmount} onChange={(event) => setFeeAmount(event.target.value)} data-testid="service-fee" />
      </label>
      <label className="check">
        <input type="checkbox" checked={feeConfirmed} onChange={(event) => setFeeConfirmed(event.target.checked)} data-testid="service-fee-confirmed" />
        {t('catalogue.feeConfirmed')}
      </label>
      {documents.map((document, index) => (
        <div key={index} className="document-edit">
          <LocalizedInputs
            legend={t('catalogue.document', { n: index + 1 })}
            name={`service-document-${index}`}
            value={document}
            onChange={(value) => setDocuments(documents.map((d, i) => (i === index ? value : d)))}
          />
          <button type="button" onClick={() => setDocuments(documents.filter((_, i) => i !== index))} data-testid={`service-document-remove-${index}`}>
            {t('catalogue.removeDocument', { n: index + 1 })}
          </button>
        </div>
      ))}
      {documents.length < MAX_SERVICE_DOCUMENTS ? (
        <div className="buttons">
          <button type="button" onClick={() => setDocuments([...documents, EMPTY_TEXT])} data-testid="service-document-add">
            {t('catalogue.addDocument')}
          </button>
        </div>
      ) : null}
    </InlineForm>
  );
}
