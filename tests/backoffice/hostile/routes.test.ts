import Database from 'better-sqlite3';
import type { HTTPMethods, LightMyRequestResponse } from 'fastify';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolCode } from '../../../backoffice/src/cli/commands';
import type { Access } from '../../../backoffice/src/http/auth';
import { CONSOLE_ROUTES } from '../../../src/domain/console/routes';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../src/domain/console/session';
import { staffSession } from '../consoleFixtures';
import { harness, makeRequest, type Harness } from '../fixtures';
import { HOSTILE_STRINGS, HOSTILE_VALUES, leafPaths, MAX_ANSWER_BYTES, MAX_ASSET_BYTES, STACK_TRACE, STATIC_ASSET, withLeaf } from './corpus';
import { uncleanStoredText } from './storedText';

/**
 * The standing hostile suite (issue 12, `npm run test:hostile`): every route the server registers
 * (read from Fastify's onRoute, so routes added later are covered without editing this file) gets
 * every hostile value class in its path, its query and every leaf of its body, with the token its
 * access asks for and without one. Every answer: no 5xx, no stack trace, at most MAX_ANSWER_BYTES.
 * Afterwards, every text the database holds passes the shared text rule.
 */
/** Tens of thousands of requests over ~40 routes (about a minute on an idle core): generous, so a busy machine does not fail the suite (nothing here is timed). */
const SUITE_TIMEOUT_MS = 400_000;

interface RouteSeen {
  method: string;
  url: string;
  access: Access;
}

let h: Harness;
const routes: RouteSeen[] = [];
/** The headers each access asks for: a kiosk's bearer token, a console session's cookie and CSRF token. */
const credentials: Partial<Record<Access, Record<string, string>>> = {};
let prefix: string;
let seq = 0;
const answered: Array<{ route: string; status: number }> = [];

beforeAll(async () => {
  h = await harness();
  h.app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const access = (route.config as { access?: Access } | undefined)?.access ?? 'public';
    for (const method of methods) routes.push({ method, url: route.url, access });
  });
  const kiosk = await h.enrol();
  credentials.device = { authorization: `Bearer ${kiosk.deviceToken}` };
  prefix = kiosk.trackingPrefix;
  const staff = await staffSession(h, 'north', 'admin', 'Amina');
  credentials.console = { cookie: `${SESSION_COOKIE}=${staff.cookie}`, [CSRF_HEADER]: staff.csrf };
});
afterAll(async () => {
  await h.app.close();
  h.store.close();
});


/** An install state, not an answer to the input: the console's page is served only once it is built (`npm test` builds it). */
const NOT_BUILT = /"code":"console_not_built"/;

function check(route: string, response: LightMyRequestResponse): void {
  answered.push({ route, status: response.statusCode });
  const notBuilt = response.statusCode === 503 && (NOT_BUILT.test(response.body) || (route.startsWith('HEAD /console') && response.body === ''));
  if (!notBuilt) {
    expect(response.statusCode, `${route}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
  }
  // Answers made from the input (JSON) have one bound; a static page or script is the same file whatever was sent, and has its own.
  const staticFile = STATIC_ASSET.test(String(response.headers['content-type'] ?? ''));
  expect(response.body.length, route).toBeLessThanOrEqual(staticFile ? MAX_ASSET_BYTES : MAX_ANSWER_BYTES);
  expect(response.body, route).not.toMatch(STACK_TRACE);
}

/** A valid body for the routes this suite knows, made fresh each time (a new code, a new request); `{}` for the others. */
async function exampleBody(url: string): Promise<unknown> {
  switch (url) {
    case '/api/v1/enrol':
      return { code: await enrolCode(h.context, 'north'), kioskLabel: 'Hall' };
    case '/api/v1/requests/push':
      return { items: [makeRequest(prefix, ++seq)] };
    case '/api/v1/audit':
      return { entries: [{ id: uuidv4(), at: '2026-11-28T09:00:00.000Z', action: 'supervisor.discard', detail: 'reason=x' }] };
    default:
      // A route this suite has no example for still gets every hostile value in the usual places.
      return { name: 'x', label: 'x', reason: 'x', text: 'x', id: 'x', items: ['x'] };
  }
}

/** Percent-encodes anything, lone surrogates included (as the invalid UTF-8 bytes a raw client would send). */
function encodeAny(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((c) => (/[\uD800-\uDFFF]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');
  }
}

const withBody = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);
/** The route's path with every parameter (and a wildcard) replaced by the value. */
function pathWith(url: string, value: string): string {
  const path = url.replace(/:[^/]+/g, encodeAny(value)).replace('*', encodeAny(value));
  return path.startsWith('/') ? path : `/${path}`;
}

async function send(route: RouteSeen, options: { url?: string; body?: unknown; auth?: Record<string, string> | undefined }) {
  const headers: Record<string, string> = options.auth ?? {};
  const response = await h.app.inject({
    method: route.method as HTTPMethods,
    url: options.url ?? pathWith(route.url, 'x'),
    ...(withBody(route.method) ? { payload: JSON.stringify(options.body ?? {}), headers: { ...headers, 'content-type': 'application/json' } } : { headers }),
  });
  check(`${route.method} ${route.url}`, response);
}

describe('every route against every hostile value class', () => {
  it('finds the routes from the server itself', async () => {
    await h.app.ready();
    const urls = routes.map((r) => `${r.method} ${r.url}`);
    for (const known of ['POST /api/v1/enrol', 'POST /api/v1/requests/push', 'POST /api/v1/audit', `POST ${CONSOLE_ROUTES.refuse.path}`, 'GET /api/v1/changes', 'GET /api/v1/health']) {
      expect(urls).toContain(known);
    }
  });

  it('answers hostile path and query values without a 5xx, a stack trace or an oversized answer', async () => {
    for (const route of routes) {
      const auth = credentials[route.access];
      for (const [, value] of HOSTILE_STRINGS.filter(([, v]) => v.length < 1_000)) {
        const encoded = encodeAny(value);
        await send(route, { url: pathWith(route.url, value), auth });
        await send(route, { url: `${pathWith(route.url, 'x')}?since=${encoded}&limit=${encoded}&${encoded}=${encoded}`, auth });
      }
      for (const number of ['1e3', '99999999999999999999', '-1', '0x10', 'NaN']) {
        await send(route, { url: `${pathWith(route.url, 'x')}?since=${number}&limit=${number}`, auth });
      }
    }
  }, SUITE_TIMEOUT_MS);

  it('answers hostile whole bodies and hostile leaves of a valid body, with the right token and without one', async () => {
    for (const route of routes.filter((r) => withBody(r.method))) {
      for (const auth of [credentials[route.access], undefined]) {
        for (const [, value] of HOSTILE_VALUES) await send(route, { body: value, auth });
        const paths = leafPaths(await exampleBody(route.url));
        for (const path of paths) {
          for (const [, value] of HOSTILE_VALUES) await send(route, { body: withLeaf(await exampleBody(route.url), path, value), auth });
        }
      }
    }
    // The suite reached the handlers: some hostile-but-cleanable values were stored.
    expect(answered.some((a) => a.status === 200)).toBe(true);
    expect((await h.store.stats()).requests).toBeGreaterThan(0);
  }, SUITE_TIMEOUT_MS);

  it('leaves a database in which every stored text passes the shared rule', () => {
    expect(uncleanStoredText(h.store.db)).toEqual([]);
  });

  it('has a database check that does find unclean text, in a column or inside stored JSON', () => {
    const dirty = new Database(':memory:');
    dirty.exec(`CREATE TABLE t (label TEXT, body TEXT); INSERT INTO t VALUES ('Hall[31m', '{"name":" padded "}'), ('ok', '{"name":"ok"}')`);
    expect(uncleanStoredText(dirty)).toHaveLength(2);
    dirty.close();
  });
});
