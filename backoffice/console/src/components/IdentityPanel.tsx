import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../src/domain/console/requestDetail';
import { formatDate } from '../../../../src/i18n/format';
import { useConsole } from '../app/ConsoleContext';
import { formatDateTime } from '../app/format';

/** The holder as on their CNIE: both scripts, each in its own direction; where and when it came in. */
export function IdentityPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('console');
  const { locale } = useConsole();
  const identity = request.identity;
  return (
    <section className="panel" aria-labelledby="identity-title" data-testid="identity">
      <h2 id="identity-title">{t('identity.title')}</h2>
      {identity ? (
        <dl>
          <dt>{t('identity.cin')}</dt>
          <dd dir="ltr" data-testid="identity-cin">
            {identity.cin}
          </dd>
          <dt>{t('identity.nameLatin')}</dt>
          <dd dir="ltr">
            {identity.firstNameLatin} {identity.lastNameLatin}
          </dd>
          {identity.lastNameArabic || identity.firstNameArabic ? (
            <>
              <dt>{t('identity.nameArabic')}</dt>
              <dd dir="rtl" lang="ar">
                {identity.firstNameArabic} {identity.lastNameArabic}
              </dd>
            </>
          ) : null}
          <dt>{t('identity.dateOfBirth')}</dt>
          <dd>{formatDate(identity.dateOfBirth, locale)}</dd>
          <dt>{t('identity.phone')}</dt>
          <dd dir="ltr">{identity.phone || '—'}</dd>
          <dt>{t('identity.language')}</dt>
          <dd>{t(`languages.${request.locale}`)}</dd>
        </dl>
      ) : (
        <p>{t('identity.purged')}</p>
      )}
      <dl>
        <dt>{t('request.channel')}</dt>
        <dd>{request.kiosk?.label ?? t(`channels.${request.channel}`)}</dd>
        <dt>{t('request.receivedAt')}</dt>
        <dd>{formatDateTime(request.receivedAt, locale)}</dd>
        {request.dueAt ? (
          <>
            <dt>{t('request.dueAt')}</dt>
            <dd>{formatDateTime(request.dueAt, locale)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
