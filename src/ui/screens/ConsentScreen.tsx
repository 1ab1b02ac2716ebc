import { useTranslation } from 'react-i18next';
import { CONSENT_NOTICE_VERSION } from '../../domain/request';
import { ActionBar } from '../components/ActionBar';
import { ScreenFrame } from '../components/ScreenFrame';
import { useKioskServices } from '../services';
import { useSend } from '../session/hooks';

/**
 * The law 09-08 notice at the point of collection: controller, purpose, recipients, which
 * fields are mandatory, and the citizen's rights. Accepting records CONSENT_NOTICE_VERSION with
 * the request (see buildRequest): change this text, bump that version.
 */
export function ConsentScreen() {
  const { t } = useTranslation('citizen');
  const send = useSend();
  const { settings } = useKioskServices();
  return (
    <ScreenFrame
      name="consent"
      title={t('consent.title')}
      actions={<ActionBar onNext={() => send({ type: 'consent.accept' })} nextLabel={t('consent.accept')} nextTestId="consent-accept" nextPrompt="choice.agree" />}
    >
      <div className="consent" data-notice-version={CONSENT_NOTICE_VERSION}>
        <p className="consent__law">{t('consent.law')}</p>
        <ul className="consent__points">
          <li>{t('consent.controller', { office: settings.officeName })}</li>
          <li>{t('consent.purpose')}</li>
          <li>{t('consent.recipients')}</li>
          <li>{t('consent.mandatory')}</li>
          <li>{t('consent.rights')}</li>
        </ul>
      </div>
    </ScreenFrame>
  );
}
