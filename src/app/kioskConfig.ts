import { z } from 'zod';
import { backofficeUrlProblem } from '../domain/backofficeUrl';
import { DEFAULT_SETTINGS, type KioskSettings } from '../domain/settings';
import { KIOSK_CONFIG_URL } from './firstReads';

/**
 * `./kiosk-config.json`, written beside index.html by `npm start` (docs/TEAM-CONTRACTS.md).
 * It may be absent; anything unreadable counts as no config rather than stopping the kiosk.
 */
export const kioskConfigSchema = z.object({
  backofficeUrl: z.url({ protocol: /^https?$/ }).optional(),
  demoEnrolmentCode: z.string().min(1).max(40).optional(),
  officeName: z.string().min(1).max(120).optional(),
  /** The operator's explicit consent to plain http:// towards another machine (docs/operations.md). */
  allowInsecureBackoffice: z.boolean().optional(),
});
export type KioskConfig = z.infer<typeof kioskConfigSchema>;

/** An http:// back office on another machine is dropped unless the same file allows it explicitly. */
function withoutInsecureBackoffice(config: KioskConfig): KioskConfig {
  if (!config.backofficeUrl || backofficeUrlProblem(config.backofficeUrl, { allowInsecureHttp: config.allowInsecureBackoffice === true }) === null) return config;
  console.warn('kiosk-config.json: backofficeUrl ignored, plain http:// is allowed only to this machine unless allowInsecureBackoffice is true');
  const { backofficeUrl: _refused, ...rest } = config;
  return rest;
}

export function fetchKioskConfig(fetchImpl: typeof fetch = fetch): Promise<KioskConfig> {
  return kioskConfigFrom(fetchImpl(KIOSK_CONFIG_URL, { cache: 'no-store' }));
}

/** The config from `kiosk-config.json`'s answer, fetched early (src/app/firstReads.ts) or by `fetchKioskConfig`. */
export async function kioskConfigFrom(answer: Promise<Response>): Promise<KioskConfig> {
  try {
    const response = await answer;
    if (!response.ok) return {};
    const parsed = kioskConfigSchema.safeParse(await response.json());
    if (!parsed.success) console.warn('kiosk-config.json ignored: it does not match the expected shape');
    return parsed.success ? withoutInsecureBackoffice(parsed.data) : {};
  } catch {
    return {};
  }
}

/**
 * The config file only fills gaps: settings saved by a supervisor win, except that a configured
 * back office fills an empty one (docs/TEAM-CONTRACTS.md).
 */
export function configPatch(settings: KioskSettings, config: KioskConfig): Partial<KioskSettings> {
  const patch: Partial<KioskSettings> = {};
  if (config.backofficeUrl && !settings.backofficeUrl) patch.backofficeUrl = config.backofficeUrl;
  if (config.officeName && settings.officeName === DEFAULT_SETTINGS.officeName) patch.officeName = config.officeName;
  return patch;
}
