import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REVOCATION_REASON_MAX, type CertificateSummary } from '../../../../src/domain/console/certificates';
import type { RequestDetail } from '../../../../src/domain/console/requestDetail';
import { checkFreeText } from '../../../../src/domain/text';
import { useConsole } from '../app/ConsoleContext';
import { formatDateTime } from '../app/format';

/**
 * The request's certificates (revoked ones too): each opens as the PDF the citizen receives; a
 * chief revokes one with a reason, after which the public check refuses it.
 */
export function CertificatesPanel({ request, onChanged }: { request: RequestDetail; onChanged(): void }) {
  const { t } = useTranslation('console');
  const { api, office, locale } = useConsole();
  const [certificates, setCertificates] = useState<CertificateSummary[]>([]);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canRevoke = request.allowedActions.includes('revokeCertificate');

  useEffect(() => {
    let current = true;
    api.certificates(office.officeId, request.id).then(
      (found) => current && setCertificates(found),
      () => current && setError(t('errors.loadFailed')),
    );
    return () => {
      current = false;
    };
  }, [api, office.officeId, request.id, request.version, t]);

  const revoke = (event: FormEvent<HTMLFormElement>, number: string) => {
    event.preventDefault();
    const reason = checkFreeText(String(new FormData(event.currentTarget).get('reason') ?? ''), { max: REVOCATION_REASON_MAX });
    if (!reason.ok) return setError(t(`freeText.${reason.code}`, { max: reason.max }));
    api.revokeCertificate(office.officeId, request.id, number, reason.value).then(
      () => {
        setRevoking(null);
        setError(null);
        onChanged();
      },
      () => setError(t('errors.actionFailed')),
    );
  };

  if (certificates.length === 0 && !error) return null;
  return (
    <section className="panel" aria-labelledby="certificates-title" data-testid="certificates">
      <h2 id="certificates-title">{t('certificates.title')}</h2>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <ul className="certificates">
        {certificates.map((certificate) => (
          <li key={certificate.number} data-testid={`certificate-${certificate.number}`}>
            <a href={api.certificatePdfUrl(office.officeId, request.id, certificate.number)} target="_blank" rel="noopener" data-testid="certificate-pdf">
              <bdi>{certificate.number}</bdi>
            </a>{' '}
            {t('certificates.issued', { at: formatDateTime(certificate.issuedAt, locale), name: certificate.issuedBy?.name ?? '—' })}
            {certificate.revokedAt ? (
              <span className="badge status-refused" data-testid="certificate-revoked">
                {t('certificates.revoked')}
              </span>
            ) : canRevoke ? (
              revoking === certificate.number ? (
                <form className="inline-form" onSubmit={(event) => revoke(event, certificate.number)} noValidate>
                  <label>
                    {t('certificates.revokeReason')}
                    <input name="reason" maxLength={REVOCATION_REASON_MAX} required data-testid="certificate-revoke-reason" />
                  </label>
                  <div className="buttons">
                    <button type="submit" className="danger" data-testid="certificate-revoke-confirm">
                      {t('certificates.revokeConfirm')}
                    </button>
                    <button type="button" onClick={() => setRevoking(null)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </form>
              ) : (
                <button type="button" data-testid="certificate-revoke" onClick={() => setRevoking(certificate.number)}>
                  {t('certificates.revoke')}
                </button>
              )
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
