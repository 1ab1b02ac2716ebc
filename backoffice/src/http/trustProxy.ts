import { isIP } from 'node:net';

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Reads the operator's trusted-proxy setting (`--trust-proxy`, env SHUBBAK_TRUST_PROXY): `off` or
 * empty for none, else a comma-separated list of addresses, CIDR ranges or named ranges. `true`,
 * `all` and `*` are refused: trusting every hop lets any client choose the address it is counted as.
 * Returns the list, false for none, or an error message.
 */
export function parseTrustProxy(text: string | undefined): { ok: true; value: false | string[] } | { ok: false; message: string } {
  const value = (text ?? '').trim();
  if (value === '' || value === 'off') return { ok: true, value: false };
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (NAMED_RANGES.has(entry)) continue;
    const [address = '', prefix, ...rest] = entry.split('/');
    const version = isIP(address);
    const maxPrefix = version === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (version === 0 || !prefixOk || rest.length > 0) {
      return { ok: false, message: `invalid trusted proxy "${entry}" (addresses, CIDR ranges, loopback, linklocal or uniquelocal; never every client)` };
    }
  }
  return { ok: true, value: entries };
}
