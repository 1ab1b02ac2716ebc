import { CONSOLE_ROUTES } from '../../../src/domain/console/routes';
import { requestDetailSchema, type RequestDetail } from '../../../src/domain/console/requestDetail';
import { requestPageSchema } from '../../../src/domain/console/requestRow';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../src/domain/console/session';
import { DEMO_PASSWORD, parseAddStaff } from '../consoleSteps';
import type { RunningBackoffice } from './backofficeProcess';

/**
 * What the back office stored, read as an office agent reads it: an account made by the CLI,
 * activated through the console's API, then a search by tracking code and the request's page.
 */
export async function storedRequest(backoffice: RunningBackoffice, trackingCode: string, officeId = 'demo'): Promise<RequestDetail> {
  const { code } = parseAddStaff(await backoffice.cli(['add-staff', '--office', officeId, '--role', 'agent', '--name', 'Nadia Ouazzani']));
  const api = (route: string, params: Record<string, string> = {}) =>
    new URL(Object.entries({ officeId, ...params }).reduce((url, [key, value]) => url.replace(`:${key}`, encodeURIComponent(value)), route), backoffice.url);
  const activated = await fetch(api(CONSOLE_ROUTES.activate.path), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, password: DEMO_PASSWORD }),
  });
  if (activated.status !== 200) throw new Error(`activating the agent's account answered ${activated.status}`);
  const cookie = activated.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0];
  if (!cookie) throw new Error('activating the agent set no session cookie');
  const { csrfToken } = (await activated.json()) as { csrfToken: string };
  const get = async (url: URL): Promise<unknown> => {
    const response = await fetch(url, { headers: { cookie, [CSRF_HEADER]: csrfToken } });
    if (response.status !== 200) throw new Error(`GET ${url.pathname} answered ${response.status}`);
    return response.json();
  };
  const search = api(CONSOLE_ROUTES.search.path);
  search.searchParams.set('q', trackingCode);
  const found = requestPageSchema.parse(await get(search)).items.filter((row) => row.trackingCode === trackingCode);
  if (found.length !== 1) throw new Error(`the back office holds ${found.length} requests with the code ${trackingCode}`);
  return requestDetailSchema.parse(await get(api(CONSOLE_ROUTES.request.path, { requestId: found[0]!.id })));
}
