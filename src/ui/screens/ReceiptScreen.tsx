import { useTranslation } from 'react-i18next';
import { localized } from '../../i18n/format';
import { Pictogram } from '../components/Pictogram';
import { ScreenFrame } from '../components/ScreenFrame';
import { TouchButton } from '../components/TouchButton';
import { useTrackingQr } from '../receipt/useTrackingQr';
import { useSessionView } from '../session/sessionPort';
import { useLocale, useSelectedService, useSend, useSessionValue } from '../session/hooks';

type PrintState = 'printing' | 'printed' | 'printFailed';

/**
 * Shown only after the request is committed to the outbox. The receipt prints by itself as the
 * screen opens; "printed" is said only when the platform confirmed it. Otherwise the screen says
 * what happened, shows the code larger with its QR to photograph, and offers to call staff.
 */
export function ReceiptScreen() {
  const trackingCode = useSessionValue((context) => context.trackingCode);
  const statusToken = useSessionValue((context) => context.statusToken);
  return trackingCode ? <Receipt trackingCode={trackingCode} statusToken={statusToken} /> : null;
}

function Receipt({ trackingCode, statusToken }: { trackingCode: string; statusToken: string | null }) {
  const { t } = useTranslation(['citizen', 'common', 'journey']);
  const send = useSend();
  const locale = useLocale();
  const service = useSelectedService();
  const problem = useSessionValue((context) => context.printProblem);
  const qr = useTrackingQr(trackingCode, statusToken);
  const printState = useSessionView((snapshot): PrintState => {
    for (const state of ['printed', 'printFailed'] as const) {
      if (snapshot.matches({ active: { flow: { receipt: state } } })) return state;
    }
    return 'printing';
  });
  const unprinted = printState === 'printFailed';
  const status =
    printState === 'printing' ? t('journey:receipt.printing') : printState === 'printed' ? t('journey:receipt.printed') : t(`journey:receipt.${problem ?? 'failed'}`);
  return (
    <ScreenFrame
      name="receipt"
      title={
        <span className="receipt__title">
          <span className="receipt__success" data-testid="success-mark">
            <Pictogram name="done" size={56} />
            <span className="visually-hidden">{t('journey:receipt.saved')}</span>
          </span>
          {t('receipt.title')}
        </span>
      }
      actions={
        <>
          <TouchButton variant="secondary" testId="print" prompt="choice.print" disabled={printState === 'printing'} onClick={() => send({ type: 'receipt.print' })}>
            <Pictogram name="printer" size={32} />
            {t('receipt.printAgain')}
          </TouchButton>
          {unprinted ? (
            <TouchButton variant="secondary" testId="receipt-call-staff" prompt="choice.help" onClick={() => send({ type: 'help.call' })}>
              <Pictogram name="help" size={32} />
              {t('common:help.call')}
            </TouchButton>
          ) : null}
          <TouchButton testId="finish" prompt="choice.finish" onClick={() => send({ type: 'receipt.finish' })}>
            {t('common:actions.finish')}
          </TouchButton>
        </>
      }
    >
      <div className={unprinted ? 'receipt receipt--unprinted' : 'receipt'}>
        <div className="receipt__proof">
          {unprinted ? (
            <p className="receipt__photo">
              <Pictogram name="camera" size={40} />
              {t('journey:receipt.photo')}
            </p>
          ) : null}
          <p className="receipt__label" id="tracking-code-label">
            {t('receipt.codeLabel')}
          </p>
          <p className="receipt__code" dir="ltr" data-testid="tracking-code" aria-labelledby="tracking-code-label">
            <bdi>{trackingCode}</bdi>
          </p>
          {qr ? <img className="receipt__qr" src={qr} alt={t('receipt.qrLabel')} data-testid="tracking-qr" /> : <div className="receipt__qr" aria-hidden="true" />}
        </div>
        <div className="receipt__facts">
          <p className={unprinted ? 'notice notice--error receipt__status' : 'notice receipt__status'} role="status" data-testid="print-status" data-print-state={printState}>
            <Pictogram name="printer" size={40} />
            <span>{status}</span>
          </p>
          {service ? (
            <ul className="summary" role="list">
              <li>
                <Pictogram name={service.pictogram} size={40} />
                <span>{localized(service.name, locale)}</span>
              </li>
              <li>
                <Pictogram name="clock" size={40} />
                <span>{t('journey:receipt.slipDelay', { delay: localized(service.delay, locale) })}</span>
              </li>
              {service.returnToCounter ? (
                <li className="summary__important">
                  <Pictogram name="in-person" size={40} />
                  <span>{t('receipt.returnToCounter')}</span>
                </li>
              ) : null}
              <li>
                <Pictogram name="check-status" size={40} />
                <span>{t('receipt.keepCode')}</span>
              </li>
            </ul>
          ) : null}
        </div>
      </div>
    </ScreenFrame>
  );
}
