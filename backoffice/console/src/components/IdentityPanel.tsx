import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../src/domain/console/requestDetail';
import { formatDate } from '../../../../src/i18n/format';
import { useConsole } from '../app/ConsoleContext';
import { formatDateTime } from '../app/format';

/** The holder as on their CNIE (both scripts, each kept in its own direction), and where and when it came in. */
export function IdentityPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('console');
  const { locale } = useConsole();
  const identity = request.identity;
  return (
    <section className="panel" aria-labelledby="identity-title" data-testid="identity">
      <h2 id="identity-title">{t('identity.title')}</h2>
      {identity ? null : <p>{t('identity.purged')}</p>}
      <dl>
        {identity ? (
          <>
            <dt>{t('identity.cin')}</dt>
            <dd>
              <bdi data-testid="identity-cin">{identity.cin}</bdi>
            </dd>
            <dt>{t('identity.nameLatin')}</dt>
            <dd>
              <bdi>
                {identity.firstNameLatin} {identity.lastNameLatin}
              </bdi>
            </dd>
            {identity.lastNameArabic || identity.firstNameArabic ? (
              <>
                <dt>{t('identity.nameArabic')}</dt>
                <dd>
                  <bdi lang="ar">
                    {identity.firstNameArabic} {identity.lastNameArabic}
                  </bdi>
                </dd>
              </>
            ) : null}
            <dt>{t('identity.dateOfBirth')}</dt>
            <dd>{formatDate(identity.dateOfBirth, locale)}</dd>
            <dt>{t('identity.phone')}</dt>
            <dd>
              <bdi>{identity.phone || '—'}</bdi>
            </dd>
            <dt>{t('identity.language')}</dt>
            <dd>{t(`languages.${request.locale}`)}</dd>
          </>
        ) : null}
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
