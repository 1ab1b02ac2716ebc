import { useSupervisorTranslation } from './supervisorLanguage';
import type { PinError } from '../../machines/supervisor/types';
import { PinPad } from './PinPad';

interface PinEntryProps {
  checking: boolean;
  error: PinError | null;
  onSubmit(pin: string): void;
}

export function PinEntry({ checking, error, onSubmit }: PinEntryProps) {
  const { t } = useSupervisorTranslation();
  return (
    <section className="sv-pin-screen">
      <PinPad label={t('pin.enter')} submitLabel={t('pin.unlock')} disabled={checking} onSubmit={onSubmit} />
      {checking && <p role="status">{t('pin.checking')}</p>}
      {error && (
        <p role="alert" className="sv-error">
          {t(`pinErrors.${error}`)}
        </p>
      )}
    </section>
  );
}
