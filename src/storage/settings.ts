import { DEFAULT_SETTINGS, kioskSettingsSchema, type KioskSettings } from '../domain/settings';
import type { ShubbakDb } from './db';
import { SETTINGS_KEY } from './settingsKey';

export { SETTINGS_KEY };

/** Stored settings are parsed on read; anything unreadable falls back to the defaults rather than wedging the kiosk. */
export function settingsFromStored(stored: unknown): KioskSettings {
  const parsed = kioskSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(stored as object | undefined) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function loadSettings(db: ShubbakDb): Promise<KioskSettings> {
  return settingsFromStored((await db.meta.get(SETTINGS_KEY))?.value);
}

/** Validates the whole result before writing: an invalid change is refused, never half-applied. */
export async function saveSettings(db: ShubbakDb, patch: Partial<KioskSettings>): Promise<KioskSettings> {
  const next = kioskSettingsSchema.parse({ ...(await loadSettings(db)), ...patch });
  await db.meta.put({ key: SETTINGS_KEY, value: next });
  return next;
}
