import QRCode from 'qrcode';
import { useState } from 'react';
import { useSupervisorTranslation } from './supervisorLanguage';
import type { PrintResult } from '../../platform/types';
import type { SupervisorServices } from '../../supervisor/types';
import { asLocale } from './format';

/** Prints a test receipt on the configured printer and says what happened. */
export function PrinterTest({ services }: { services: SupervisorServices }) {
  const { t, language, dir } = useSupervisorTranslation();
  const [result, setResult] = useState<PrintResult | 'busy' | null>(null);

  const print = async () => {
    setResult('busy');
    const settings = await services.settings.load();
    const now = new Date(services.now()).toISOString();
    setResult(
      await services.testPrinter({
        trackingCode: 'TEST',
        serviceName: t('printer.receiptService'),
        officeName: settings.officeName,
        lines: [t('printer.receiptLine'), now],
        qrDataUrl: await QRCode.toDataURL(`TEST ${now}`, { margin: 1 }),
        locale: asLocale(language),
        direction: dir,
        // The printer the settings name (empty: the system's default), which is what this test is for.
        ...(settings.printerName ? { printerName: settings.printerName } : {}),
      }),
    );
  };

  return (
    <div className="sv-card">
      <h3>{t('printer.title')}</h3>
      <button type="button" className="sv-button" disabled={result === 'busy'} onClick={() => void print()}>
        {t('printer.test')}
      </button>
      {result === 'busy' && <p role="status">{t('printer.printing')}</p>}
      {result !== null && result !== 'busy' && result.ok && <p role="status">{t('printer.ok')}</p>}
      {result !== null && result !== 'busy' && !result.ok && (
        <p role="alert" className="sv-error">
          {t(`printer.errors.${result.reason}`)}
          {result.detail ? ` (${result.detail})` : ''}
        </p>
      )}
    </div>
  );
}
