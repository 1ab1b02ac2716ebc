import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../components/ScreenFrame';
import { TouchButton } from '../components/TouchButton';
import { useTrackingQr } from '../receipt/useTrackingQr';
import { SessionContext } from '../session/SessionProvider';
import { useSelectedService, useSend, useSessionValue } from '../session/hooks';

type PrintState = 'ready' | 'printing' | 'printed' | 'printFailed';

/** Shown only after the request is committed to the outbox. The code stays on screen whatever the printer does. */
export function ReceiptScreen() {
  const trackingCode = useSessionValue((context) => context.trackingCode);
  const statusToken = useSessionValue((context) => context.statusToken);
  return trackingCode ? <Receipt trackingCode={trackingCode} statusToken={statusToken} /> : null;
}

function Receipt({ trackingCode, statusToken }: { trackingCode: string; statusToken: string | null }) {
  const { t } = useTranslation(['citizen', 'common']);
  const send = useSend();
  const service = useSelectedService();
  const qr = useTrackingQr(trackingCode, statusToken);
  const printState = SessionContext.useSelector((snapshot): PrintState => {
    for (const state of ['printing', 'printed', 'printFailed'] as const) {
      if (snapshot.matches({ active: { flow: { receipt: state } } })) return state;
    }
    return 'ready';
  });
  return (
    <ScreenFrame
      name="receipt"
      title={t('receipt.title')}
      actions={
        <>
          <TouchButton variant="secondary" testId="print" prompt="choice.print" disabled={printState === 'printing'} onClick={() => send({ type: 'receipt.print' })}>
            {printState === 'ready' ? t('receipt.print') : t('receipt.printAgain')}
          </TouchButton>
          <TouchButton testId="finish" prompt="choice.finish" onClick={() => send({ type: 'receipt.finish' })}>
            {t('common:actions.finish')}
          </TouchButton>
        </>
      }
    >
      <div className="receipt">
        <p className="receipt__label" id="tracking-code-label">
          {t('receipt.codeLabel')}
        </p>
        <p className="receipt__code" dir="ltr" data-testid="tracking-code" aria-labelledby="tracking-code-label">
          <bdi>{trackingCode}</bdi>
        </p>
        {qr ? <img className="receipt__qr" src={qr} alt={t('receipt.qrLabel')} data-testid="tracking-qr" /> : <div className="receipt__qr" aria-hidden="true" />}
        <p>{t('receipt.keepCode')}</p>
        {service?.returnToCounter ? <p className="notice notice--important">{t('receipt.returnToCounter')}</p> : null}
        <p className={printState === 'printFailed' ? 'notice notice--error' : 'notice'} role="status" data-testid="print-status">
          {printState === 'printing' ? t('receipt.printing') : null}
          {printState === 'printed' ? t('receipt.printed') : null}
          {printState === 'printFailed' ? t('receipt.printFailed') : null}
        </p>
      </div>
    </ScreenFrame>
  );
}
