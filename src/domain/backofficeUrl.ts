/**
 * Which back-office addresses a kiosk may send citizens' data to. `https://` always; `http://`
 * only to this machine (the demo, a back office on the same host), unless the operator's
 * kiosk-config.json says `"allowInsecureBackoffice": true` (a closed office network, at the
 * operator's risk). A supervisor cannot allow it from the settings screen.
 */

export type BackofficeUrlProblem = 'invalidUrl' | 'insecureHttp';

export interface BackofficeUrlPolicy {
  /** From the operator's kiosk-config.json only. */
  allowInsecureHttp: boolean;
}

export const SECURE_ONLY: BackofficeUrlPolicy = { allowInsecureHttp: false };

/** localhost, 127.0.0.0/8 and ::1: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return /^127\.(?:\d{1,3})\.(?:\d{1,3})\.(?:\d{1,3})$/.test(host);
}

/** Null when the kiosk may use this address; otherwise why not. */
export function backofficeUrlProblem(raw: string, policy: BackofficeUrlPolicy): BackofficeUrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return 'invalidUrl';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return 'invalidUrl';
  return isLoopbackHost(url.hostname) || policy.allowInsecureHttp ? null : 'insecureHttp';
}
