import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_NOTICE_VERSION } from '../../domain/request';
import { ActionBar } from '../components/ActionBar';
import { Dialog } from '../components/Dialog';
import { Pictogram } from '../components/Pictogram';
import { ScreenFrame } from '../components/ScreenFrame';
import { TouchButton } from '../components/TouchButton';
import { useOfficeName } from '../header/OfficeIdentityMark';
import { useSend } from '../session/hooks';
import { SmsWhenReadyChoice } from './SmsWhenReadyChoice';

/**
 * The law 09-08 notice at the point of collection, as five short points with pictograms; the
 * full notice (controller, purpose, recipients, mandatory fields, rights) is one tap away.
 * Accepting records CONSENT_NOTICE_VERSION with the request (see buildRequest): change the full
 * text, bump that version.
 */
export function ConsentScreen() {
  const { t } = useTranslation(['citizen', 'journey', 'common']);
  const send = useSend();
  const office = useOfficeName();
  const [fullNotice, setFullNotice] = useState(false);
  const points = [
    { pictogram: 'office', text: t('journey:consent.who', { office }) },
    { pictogram: 'target', text: t('journey:consent.why') },
    { pictogram: 'people', text: t('journey:consent.whoSees') },
    { pictogram: 'required', text: t('journey:consent.required') },
    { pictogram: 'rights', text: t('journey:consent.rights') },
  ];
  return (
    <ScreenFrame
      name="consent"
      title={t('consent.title')}
      actions={<ActionBar onNext={() => send({ type: 'consent.accept' })} nextLabel={t('consent.accept')} nextTestId="consent-accept" nextPrompt="choice.agree" nextPictogram="yes" />}
    >
      <div className="consent" data-notice-version={CONSENT_NOTICE_VERSION}>
        <ul className="summary" role="list" data-testid="consent-points">
          {points.map((point) => (
            <li key={point.pictogram}>
              <Pictogram name={point.pictogram} size={48} />
              <span>{point.text}</span>
            </li>
          ))}
        </ul>
        <TouchButton variant="secondary" className="more-button" testId="consent-full" prompt="choice.readFull" onClick={() => setFullNotice(true)}>
          <Pictogram name="shield-info" size={32} />
          {t('journey:consent.readFull')}
        </TouchButton>
        <SmsWhenReadyChoice />
      </div>
      {fullNotice ? (
        <Dialog
          name="consent-notice"
          title={t('journey:consent.fullTitle')}
          actions={
            <TouchButton testId="consent-full-close" onClick={() => setFullNotice(false)}>
              {t('journey:service.close')}
            </TouchButton>
          }
        >
          <p className="consent__law">{t('consent.law')}</p>
          <ul className="consent__points">
            <li>{t('consent.controller', { office })}</li>
            <li>{t('consent.purpose')}</li>
            <li>{t('consent.recipients')}</li>
            <li>{t('consent.mandatory')}</li>
            <li>{t('consent.rights')}</li>
          </ul>
        </Dialog>
      ) : null}
    </ScreenFrame>
  );
}
