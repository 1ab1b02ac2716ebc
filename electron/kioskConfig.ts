import { z } from 'zod';
import { backofficeUrlProblem } from '../src/domain/backofficeUrl';
import { backofficeOriginOf } from './contentSecurityPolicy';

/** The part of kiosk-config.json (docs/TEAM-CONTRACTS.md) the main process reads; other keys are the renderer's. */
const kioskConfigSchema = z.looseObject({ backofficeUrl: z.string().optional(), allowInsecureBackoffice: z.boolean().optional() });

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
      if (!parsed.success) continue;
      const { backofficeUrl, allowInsecureBackoffice } = parsed.data;
      // Plain http:// to another machine only with the operator's explicit consent in the same file.
      if (backofficeUrl !== undefined && backofficeUrlProblem(backofficeUrl, { allowInsecureHttp: allowInsecureBackoffice === true }) === 'insecureHttp') return null;
      return backofficeOriginOf(backofficeUrl);
    } catch {
      // A malformed file is treated as absent: the next candidate, or no back office at all.
    }
  }
  return null;
}
