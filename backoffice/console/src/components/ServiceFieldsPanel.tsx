import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../src/domain/console/requestDetail';
import { localized } from '../../../../src/i18n/format';
import { useConsole } from '../app/ConsoleContext';

/** The service's fields, labelled as in the catalogue version the citizen used. */
export function ServiceFieldsPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('console');
  const { locale } = useConsole();
  return (
    <section className="panel" aria-labelledby="fields-title" data-testid="service-fields">
      <h2 id="fields-title">{t('request.fields')}</h2>
      {request.fields.length === 0 ? (
        <p>{t('request.noFields')}</p>
      ) : (
        <dl>
          {request.fields.map((field) => (
            <div key={field.key}>
              <dt>{field.label ? localized(field.label, locale) : field.key}</dt>
              <dd dir="auto">{field.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
