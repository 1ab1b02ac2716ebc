import { z } from 'zod';
import { backofficeOriginOf } from './contentSecurityPolicy';

/** The part of kiosk-config.json (docs/TEAM-CONTRACTS.md) the main process reads; other keys are the renderer's. */
const kioskConfigSchema = z.looseObject({ backofficeUrl: z.string().optional() });

/**
 * The back-office origin the CSP lets the renderer reach, from the first kiosk-config.json found
 * (the operator's copy in userData, then the one shipped beside index.html). Fixed at start-up on
 * purpose: a compromised page cannot widen where data may be sent.
 */
export async function readBackofficeOrigin(readFile: (file: string) => Promise<string>, candidates: readonly string[]): Promise<string | null> {
  for (const file of candidates) {
    const text = await readFile(file).catch(() => null);
    if (text === null) continue;
    try {
      const parsed = kioskConfigSchema.safeParse(JSON.parse(text));
      if (parsed.success) return backofficeOriginOf(parsed.data.backofficeUrl);
    } catch {
      // A malformed file is treated as absent: the next candidate, or no back office at all.
    }
  }
  return null;
}
