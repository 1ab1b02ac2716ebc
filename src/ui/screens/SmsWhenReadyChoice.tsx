import { useTranslation } from 'react-i18next';
import { gavePhone } from '../../machines/session/draft';
import { Pictogram } from '../components/Pictogram';
import { TouchButton } from '../components/TouchButton';
import { useSend, useSessionValue } from '../session/hooks';

/**
 * "Send me an SMS when my document is ready?" on the consent step, asked only when the citizen
 * typed a phone number. No is chosen until the citizen touches yes: consent to be contacted is
 * explicit (law 09-08). The number itself is never shown or spoken here.
 */
export function SmsWhenReadyChoice() {
  const { t } = useTranslation('journey');
  const send = useSend();
  const asked = useSessionValue(gavePhone);
  const smsWhenReady = useSessionValue((context) => context.smsWhenReady);
  if (!asked) return null;
  const answers = [
    { smsWhenReady: true, pictogram: 'yes', label: t('consent.smsYes'), prompt: 'choice.smsYes', testId: 'sms-when-ready-yes' },
    { smsWhenReady: false, pictogram: 'no', label: t('consent.smsNo'), prompt: 'choice.smsNo', testId: 'sms-when-ready-no' },
  ] as const;
  return (
    <fieldset className="field sms-choice" data-testid="sms-when-ready">
      <legend className="field__label" id="sms-when-ready-question">
        {t('consent.smsQuestion')}
      </legend>
      <div className="field__options" role="radiogroup" aria-labelledby="sms-when-ready-question">
        {answers.map((answer) => (
          <TouchButton
            key={answer.testId}
            role="radio"
            aria-checked={smsWhenReady === answer.smsWhenReady}
            variant={smsWhenReady === answer.smsWhenReady ? 'primary' : 'secondary'}
            testId={answer.testId}
            prompt={answer.prompt}
            onClick={() => send({ type: 'contact.choose', smsWhenReady: answer.smsWhenReady })}
          >
            <Pictogram name={answer.pictogram} size={32} />
            {answer.label}
          </TouchButton>
        ))}
      </div>
    </fieldset>
  );
}
