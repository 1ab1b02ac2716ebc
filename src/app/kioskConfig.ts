import { z } from 'zod';

/**
 * `./kiosk-config.json`, written beside index.html by `npm start` (docs/TEAM-CONTRACTS.md).
 * It may be absent; anything unreadable counts as no config rather than stopping the kiosk.
 */
export const kioskConfigSchema = z.object({
  backofficeUrl: z.url({ protocol: /^https?$/ }).optional(),
  demoEnrolmentCode: z.string().min(1).max(40).optional(),
  officeName: z.string().min(1).max(120).optional(),
});
export type KioskConfig = z.infer<typeof kioskConfigSchema>;

export async function fetchKioskConfig(fetchImpl: typeof fetch = fetch): Promise<KioskConfig> {
  try {
    const response = await fetchImpl('./kiosk-config.json', { cache: 'no-store' });
    if (!response.ok) return {};
    const parsed = kioskConfigSchema.safeParse(await response.json());
    if (!parsed.success) console.warn('kiosk-config.json ignored: it does not match the expected shape');
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
