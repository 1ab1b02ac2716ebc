import { isIP } from 'node:net';

/**
 * The back office speaks plain HTTP; TLS is the reverse proxy's job (docs/operations.md). Listening
 * on loopback is safe (the proxy, or a demo on the same machine); any other host exposes tokens and
 * personal data on the network, so it needs an explicit `--allow-plain-http`.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}
