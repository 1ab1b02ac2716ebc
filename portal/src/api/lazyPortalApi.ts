import type { PortalApi, PortalApiOptions } from './portalApi';

/**
 * The portal's API client, whose code (the contract's zod schemas, about 90 KB of script) is loaded
 * at the first call rather than with the first screen: the language screen calls nothing. The login
 * screen's chunk imports the same module, so by the time a citizen can press "send the code" it is
 * usually there already.
 */
export function createLazyPortalApi(options: PortalApiOptions): PortalApi {
  let client: Promise<PortalApi> | null = null;
  const loaded = () => (client ??= import('./portalApi').then(({ createPortalApi }) => createPortalApi(options)));
  const forward =
    <K extends keyof PortalApi>(name: K) =>
    async (...args: Parameters<PortalApi[K]>): Promise<Awaited<ReturnType<PortalApi[K]>>> => {
      const api = await loaded();
      return (api[name] as (...forwarded: Parameters<PortalApi[K]>) => Promise<Awaited<ReturnType<PortalApi[K]>>>)(...args);
    };
  // Written out, not a Proxy: the compiler checks that every method of PortalApi is here.
  return {
    requestSmsCode: forward('requestSmsCode'),
    verifySmsCode: forward('verifySmsCode'),
    requestEmailLink: forward('requestEmailLink'),
    verifyEmailLink: forward('verifyEmailLink'),
    logout: forward('logout'),
    offices: forward('offices'),
    catalogue: forward('catalogue'),
    myRequests: forward('myRequests'),
    account: forward('account'),
    deleteAccount: forward('deleteAccount'),
    withdraw: forward('withdraw'),
  };
}
