import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, localeSchema } from './locales';

/** Kiosk settings, changed by a supervisor, kept in IndexedDB, parsed on every read. */
export const kioskSettingsSchema = z.strictObject({
  officeName: z.string().min(1).max(120),
  officeId: z.string().max(60),
  /** Origin (and optional path) of the municipal back office, e.g. https://bo.example.ma */
  backofficeUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
  /** Seconds without a touch before "still there?" appears. */
  idleTimeoutSeconds: z.int().min(15).max(600),
  /** Seconds the "still there?" countdown lasts before the reset. */
  idleCountdownSeconds: z.int().min(5).max(60),
  enabledLocales: z.array(localeSchema).min(1),
  defaultLocale: localeSchema,
  /** Personal fields of synced, final requests are purged after this many days. */
  retentionDays: z.int().min(1).max(365),
  /** System printer name (not its friendly name); empty: the default printer. */
  printerName: z.string().max(200),
  /** Largest number of requests in one push. */
  syncBatchSize: z.int().min(1).max(1000),
  /** Seconds between heartbeats while idle. */
  heartbeatSeconds: z.int().min(5).max(3600),
  /** Minutes without a touch after which supervisor mode locks itself. */
  supervisorAutoLockMinutes: z.int().min(1).max(30),
}).refine((s) => s.enabledLocales.includes(s.defaultLocale), { message: 'default language must be enabled', path: ['defaultLocale'] });
export type KioskSettings = z.infer<typeof kioskSettingsSchema>;

export const DEFAULT_SETTINGS: KioskSettings = {
  officeName: 'Annexe administrative',
  officeId: '',
  backofficeUrl: '',
  idleTimeoutSeconds: 60,
  idleCountdownSeconds: 15,
  enabledLocales: [...LOCALES],
  defaultLocale: DEFAULT_LOCALE,
  retentionDays: 30,
  printerName: '',
  syncBatchSize: 1000,
  heartbeatSeconds: 30,
  supervisorAutoLockMinutes: 2,
};
