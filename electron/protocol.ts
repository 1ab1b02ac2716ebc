import type { CustomScheme } from 'electron';
import { APP_SCHEME } from './appOrigin';
import { mimeTypeOf, resolveAppPath, type AppFile } from './appPath';
import { appContentSecurityPolicy, RECEIPT_CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import type { PrintPages } from './printPages';

/**
 * Must run before `app` is ready, in one call (a later call replaces an earlier one). A standard,
 * secure scheme gets a real origin, fetch and IndexedDB. `corsEnabled` stays unset: it would let
 * other origins read app:// responses without any Access-Control-Allow-Origin check, and
 * `bypassCSP` stays unset so the CSP below applies.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
};

export function registerAppScheme(protocol: { registerSchemesAsPrivileged(schemes: CustomScheme[]): void }): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

export interface AppProtocolOptions {
  /** The built renderer (`dist/`). */
  root: string;
  readFile(absolutePath: string): Promise<Uint8Array>;
  backofficeOrigin: string | null;
  /** Files the operator may replace outside the read-only package, by request path (e.g. kiosk-config.json in userData). */
  overrides?: Readonly<Record<string, string>>;
  /** Receipts waiting to be printed, served under /print/. */
  printPages?: PrintPages;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
} as const;

/** The `app://` request handler: the built renderer only, behind the path guard, with the CSP on every response. */
export function createAppRequestHandler(options: AppProtocolOptions): (request: Pick<Request, 'url' | 'method'>) => Promise<Response> {
  const csp = appContentSecurityPolicy(options.backofficeOrigin);
  const refuse = (status: number): Response => new Response(null, { status, headers: { ...SECURITY_HEADERS, 'Content-Security-Policy': csp } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const file = resolveAppPath(options.root, request.url);
    if (file === null) return refuse(403);
    const receipt = options.printPages?.lookup(request.url);
    if (receipt !== undefined) {
      return new Response(receipt, {
        headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': RECEIPT_CONTENT_SECURITY_POLICY },
      });
    }
    const body = await readWithOverride(options, file);
    if (body === null) return refuse(404);
    const headers = { ...SECURITY_HEADERS, 'Content-Type': mimeTypeOf(file.absolute), 'Content-Security-Policy': csp };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { headers });
  };
}

async function readWithOverride(options: AppProtocolOptions, file: AppFile): Promise<Uint8Array | null> {
  const override = options.overrides?.[file.relative];
  if (override !== undefined) {
    const replaced = await options.readFile(override).catch(() => null);
    if (replaced !== null) return replaced;
  }
  return options.readFile(file.absolute).catch(() => null);
}

export function registerAppProtocol(
  protocol: { handle(scheme: string, handler: (request: Request) => Promise<Response>): void },
  options: AppProtocolOptions,
): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(options));
}
