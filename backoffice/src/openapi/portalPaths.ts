import type { z } from 'zod';
import { PORTAL_ROUTES, type PortalRouteName } from '../../../src/domain/portal/routes';

const SUMMARIES: Record<PortalRouteName, string> = {
  smsLogin: 'Send a 6-digit sign-in code by SMS (202 whatever is known)',
  smsVerify: 'Sign in with the SMS code: a bearer session',
  emailLogin: 'Send a sign-in link by e-mail (202 whatever is known)',
  emailVerify: "Sign in with the e-mail link's token: a bearer session",
  logout: 'End this portal session',
  offices: 'The annexes where one can collect, with address and opening hours',
  catalogue: "An office's catalogue (the kiosks' own)",
  push: "The kiosk's push with an office per item (channel portal)",
  myRequests: "The citizen's requests, statuses and reasons",
  withdraw: 'Withdraw a request not yet processed',
  account: 'What the portal keeps about the citizen',
  deleteAccount: 'Delete the account (Law 09-08)',
};

/** OpenAPI path items of the portal, from its one route table (src/domain/portal/routes.ts). */
export function portalPaths(jsonSchema: (schema: z.ZodType, io: 'input' | 'output') => Record<string, unknown>): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(PORTAL_ROUTES) as Array<[PortalRouteName, (typeof PORTAL_ROUTES)[PortalRouteName]]>) {
    const openApiPath = route.path.replace(/:([a-zA-Z]+)/g, '{$1}');
    const parameters = [...route.path.matchAll(/:([a-zA-Z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const body = 'body' in route && route.body && route.method === 'POST' && name !== 'logout' ? route.body : null;
    paths[openApiPath] = {
      ...paths[openApiPath],
      [route.method.toLowerCase()]: {
        summary: SUMMARIES[name],
        tags: ['portal'],
        security: route.auth === 'session' ? [{ portalSession: [] }] : [],
        ...(parameters.length ? { parameters } : {}),
        ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(body, 'input') } } } } : {}),
        responses: { [String(route.status)]: { description: SUMMARIES[name], content: { 'application/json': { schema: jsonSchema(route.answer, 'output') } } } },
      },
    };
  }
  return paths;
}
