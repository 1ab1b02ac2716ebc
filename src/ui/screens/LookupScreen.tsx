import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionBar } from '../components/ActionBar';
import { Pictogram } from '../components/Pictogram';
import { ScreenFrame } from '../components/ScreenFrame';
import { TouchButton } from '../components/TouchButton';
import type { FieldSpec } from '../form/fieldSpec';
import { TextField } from '../form/TextField';
import { LazyOnScreenKeyboard as OnScreenKeyboard } from '../keyboard/LazyOnScreenKeyboard';
import { layoutForField } from '../keyboard/layoutChoice';
import { useSessionView } from '../session/sessionPort';
import { useLocale, useSend, useSessionValue } from '../session/hooks';
import { ANSWER_LENGTH } from '../../domain/statusProof';
import '../lookup/qrScanButton.css';
import { LookupRefused, LookupResult } from './LookupResult';

/** The camera view and jsQR load only when a citizen asks to read a receipt with the camera. */
const ReceiptQrScanner = lazy(() => import('../lookup/ReceiptQrScanner'));

type LookupStep = 'entering' | 'proving' | 'searching' | 'result' | 'refused' | 'failed';

const CODE_LENGTH = 16;

export function LookupScreen() {
  const { t } = useTranslation('citizen');
  const step = useSessionView((snapshot): LookupStep => {
    for (const state of ['proving', 'searching', 'result', 'refused', 'failed'] as const) {
      if (snapshot.matches({ active: { flow: { lookup: state } } })) return state;
    }
    return 'entering';
  });
  return (
    <ScreenFrame
      name="lookup"
      title={t('lookup.title')}
      actions={step === 'searching' ? null : <LookupActions step={step} />}
      bodyClassName={step === 'entering' ? 'screen__body--form' : undefined}
    >
      {step === 'entering' ? <CodeEntry /> : null}
      {step === 'proving' ? <AnswerEntry /> : null}
      {step === 'refused' ? <LookupRefused /> : null}
      {step === 'searching' ? <p role="status">{t('lookup.searching')}</p> : null}
      {step === 'result' ? <LookupResult /> : null}
      {step === 'failed' ? (
        <p className="notice notice--error" role="alert" data-testid="lookup-failed">
          {t('lookup.failed')}
        </p>
      ) : null}
    </ScreenFrame>
  );
}

function LookupActions({ step }: { step: LookupStep }) {
  const { t } = useTranslation(['citizen', 'common']);
  const send = useSend();
  if (step === 'entering') return <ActionBar onNext={() => send({ type: 'lookup.submit' })} nextLabel={t('lookup.submit')} nextTestId="lookup-submit" />;
  if (step === 'proving') return <ActionBar onNext={() => send({ type: 'lookup.answerSubmit' })} nextLabel={t('lookup.submit')} nextTestId="lookup-answer-submit" />;
  if (step === 'failed') return <ActionBar onNext={() => send({ type: 'lookup.submit' })} nextLabel={t('common:actions.retry')} nextTestId="lookup-retry" />;
  return (
    <TouchButton variant="secondary" testId="lookup-another" onClick={() => send({ type: 'flow.back' })}>
      {t('lookup.another')}
    </TouchButton>
  );
}

function CodeEntry() {
  const { t } = useTranslation(['citizen', 'validation', 'reading']);
  const send = useSend();
  const locale = useLocale();
  const code = useSessionValue((context) => context.lookupCode);
  const error = useSessionValue((context) => context.lookupError);
  const spec: FieldSpec = { path: 'lookup.code', kind: 'cin', keyboardKind: 'cin', label: t('lookup.codeLabel'), hint: t('lookup.codeHint'), required: true };
  const change = (value: string) => send({ type: 'lookup.change', value });
  const submit = () => send({ type: 'lookup.submit' });
  const [scanning, setScanning] = useState(false);
  // A receipt with a token opens the status at once; an older one asks for the holder's answer.
  const scanned = (text: string) => {
    setScanning(false);
    send({ type: 'lookup.scanned', text });
  };
  return (
    <div className="form-step">
      {scanning ? (
        <Suspense fallback={null}>
          <ReceiptQrScanner onCode={scanned} onClose={() => setScanning(false)} />
        </Suspense>
      ) : (
        <TouchButton variant="secondary" className="qr-scan-button" testId="qr-scan" prompt="choice.scanQr" onClick={() => setScanning(true)}>
          <Pictogram name="qr-camera" size={56} />
          {t('reading:qr.scan')}
        </TouchButton>
      )}
      <div className="form-step__fields">
        <TextField
          spec={spec}
          display={code}
          maxLength={CODE_LENGTH}
          error={error ? t(`validation:trackingCode.${error}`) : undefined}
          autoFocus
          onFocus={() => undefined}
          onInput={change}
          onEnter={submit}
        />
      </div>
      <div className="form-step__keyboard">
        <OnScreenKeyboard layout={layoutForField('cin', locale)} value={code} maxLength={CODE_LENGTH} onChange={change} onEnter={submit} />
      </div>
    </div>
  );
}

/**
 * The holder's proof, typed: the last 4 digits of the CIN and the year of birth. Only whoever
 * holds the request knows it; a scanned receipt skips this step (its QR code carries a token).
 */
function AnswerEntry() {
  const { t } = useTranslation(['citizen']);
  const send = useSend();
  const locale = useLocale();
  const answer = useSessionValue((context) => context.lookupAnswer);
  const error = useSessionValue((context) => context.lookupAnswerError);
  const spec: FieldSpec = { path: 'lookup.answer', kind: 'digits', keyboardKind: 'digits', label: t('lookup.proof.label'), hint: t('lookup.proof.hint'), required: true };
  const change = (value: string) => send({ type: 'lookup.answerChange', value });
  const submit = () => send({ type: 'lookup.answerSubmit' });
  return (
    <div className="form-step">
      <div className="form-step__fields">
        <p className="notice">{t('lookup.proof.why')}</p>
        <TextField
          spec={spec}
          display={answer}
          maxLength={ANSWER_LENGTH}
          error={error ? t('lookup.proof.format', { count: ANSWER_LENGTH }) : undefined}
          onFocus={() => undefined}
          onInput={change}
          onEnter={submit}
        />
      </div>
      <div className="form-step__keyboard">
        <OnScreenKeyboard layout={layoutForField('digits', locale)} value={answer} maxLength={ANSWER_LENGTH} onChange={change} onEnter={submit} />
      </div>
    </div>
  );
}
