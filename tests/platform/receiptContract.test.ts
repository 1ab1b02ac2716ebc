import { describe, expect, it } from 'vitest';
import { receiptToPrintSchema } from '../../src/domain/ipcContract';
import { LOCALES } from '../../src/domain/locales';
import { formatTrackingCode } from '../../src/domain/trackingCode';
import { createI18n } from '../../src/i18n/createI18n';
import { DEFAULT_CATALOGUE } from '../../src/storage/defaultCatalogue';
import { receiptToPrint } from '../../src/ui/receipt/receiptToPrint';

/**
 * The Electron main process refuses a printReceipt call whose receipt does not parse; this checks
 * that the receipt the citizen flow actually builds, in every language, is one it accepts.
 */
describe('the receipt the citizen flow builds crosses the IPC boundary', () => {
  it.each(LOCALES)('parses in %s', async (locale) => {
    const i18n = createI18n(locale);
    const receipt = await receiptToPrint(
      { trackingCode: formatTrackingCode('BRK', 42), serviceId: DEFAULT_CATALOGUE.services[0]!.id, locale },
      { catalogue: DEFAULT_CATALOGUE, officeName: 'Annexe administrative', t: i18n.getFixedT(locale, ['citizen', 'journey']), now: new Date('2026-11-28T10:00:00Z') },
    );
    expect(receiptToPrintSchema.safeParse(receipt).error?.issues ?? []).toEqual([]);
  });
});
