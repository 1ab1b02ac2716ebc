import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { SigningKeyring } from '../../backoffice/src/certificates/signingKeyring';
import { enrolCode, type CommandContext } from '../../backoffice/src/cli/commands';
import { buildServer, type RateLimitSettings } from '../../backoffice/src/server';
import { openSqliteStore, type SqliteStore } from '../../backoffice/src/store/sqliteStore';
import type { Catalogue } from '../../src/domain/catalogue';
import type { LocalizedText } from '../../src/domain/locales';
import type { CitizenRequest } from '../../src/domain/request';
import { enrolResponseSchema, type EnrolResponse } from '../../src/domain/syncProtocol';
import { formatTrackingCode } from '../../src/domain/trackingCode';

const text = (en: string): LocalizedText => ({ ar: en, zgh: en, fr: en, en });

/** A small catalogue: one service without fields, one with typed fields. */
export function testCatalogue(version = 1): Catalogue {
  const service = (id: string, fields: Catalogue['services'][number]['fields']) => ({
    id,
    name: text(id),
    description: text(`about ${id}`),
    pictogram: 'document',
    fields,
    documents: [text('CIN')],
    fee: { amountMad: null, confirmed: false },
    delay: text('same day'),
    returnToCounter: false,
    handledBy: 'annexe',
    active: true,
  });
  return {
    version,
    services: [
      service('life', []),
      service('birth_extract', [
        { key: 'communeOfBirth', kind: 'text', label: text('Commune'), required: true },
        { key: 'actNumber', kind: 'digits', label: text('Act number'), required: true },
        { key: 'actYear', kind: 'year', label: text('Year'), required: true },
      ]),
    ],
  };
}

export const NOW = new Date('2026-11-28T10:00:00.000Z');

/** A valid request as a kiosk with this prefix would push it. */
export function makeRequest(prefix: string, kioskSeq: number, overrides: Partial<CitizenRequest> = {}): CitizenRequest {
  return {
    id: uuidv7(),
    kioskSeq,
    trackingCode: formatTrackingCode(prefix, kioskSeq),
    serviceId: 'life',
    catalogueVersion: 1,
    locale: 'fr',
    identity: {
      cin: 'AB123456',
      lastNameLatin: 'El Amrani',
      firstNameLatin: 'Mohamed',
      lastNameArabic: 'العمراني',
      firstNameArabic: 'محمد',
      dateOfBirth: '1990-05-01',
      phone: '+212612345678',
    },
    fields: {},
    consent: { noticeVersion: 1, acceptedAt: '2026-11-28T09:59:00.000Z' },
    createdAt: '2026-11-28T09:59:00.000Z',
    ...overrides,
  };
}

export interface Harness {
  app: FastifyInstance;
  store: SqliteStore;
  /** The back office's certificate keys (served at /api/v1/keys). */
  keyring: SigningKeyring;
  clock: { now: Date };
  context: CommandContext;
  printed: string[];
  /** Enrols a kiosk in the office through the API and returns what the kiosk received. */
  enrol(officeId?: string, label?: string): Promise<EnrolResponse>;
  post(url: string, body: unknown, token?: string): Promise<LightMyRequestResponse>;
  get(url: string, token?: string): Promise<LightMyRequestResponse>;
}

/** A server over an in-memory store, with offices `north` and `south` and a settable clock. */
export async function harness(options: { rateLimit?: RateLimitSettings | false } = {}): Promise<Harness> {
  const store = openSqliteStore(':memory:');
  const clock = { now: new Date(NOW) };
  const printed: string[] = [];
  const context: CommandContext = {
    store,
    now: () => clock.now,
    print: (line) => printed.push(line),
    defaultCatalogue: () => testCatalogue(),
  };
  for (const id of ['north', 'south']) {
    await store.createOffice({ id, name: `Annexe ${id}`, createdAt: NOW.toISOString() });
    await store.importCatalogue(id, testCatalogue(), NOW.toISOString());
  }
  // The certificate keys in a folder of their own, removed with the server.
  const keysDir = mkdtempSync(join(tmpdir(), 'shubbak-keys-'));
  const keyring = SigningKeyring.open(keysDir);
  const app = buildServer({ store, keyring, rateLimit: options.rateLimit ?? false, now: () => clock.now });
  app.addHook('onClose', async () => rmSync(keysDir, { recursive: true, force: true }));
  const auth = (token?: string) => (token ? { authorization: `Bearer ${token}` } : {});
  const h: Harness = {
    app,
    store,
    keyring,
    clock,
    context,
    printed,
    post: (url, body, token) => app.inject({ method: 'POST', url, payload: body as object, headers: auth(token) }),
    get: (url, token) => app.inject({ method: 'GET', url, headers: auth(token) }),
    enrol: async (officeId = 'north', label = 'Kiosk 1') => {
      const code = await enrolCode(context, officeId);
      const response = await h.post('/api/v1/enrol', { code, kioskLabel: label });
      if (response.statusCode !== 200) throw new Error(`enrolment failed: ${response.body}`);
      return enrolResponseSchema.parse(response.json());
    },
  };
  return h;
}

/**
 * Every GET, POST and DELETE route the server serves, as `METHOD /path`, read from Fastify's own route
 * tree (printRoutes nests routes under a shared path: the tree is walked to rebuild full paths).
 */
export async function servedRoutes(app: FastifyInstance): Promise<string[]> {
  await app.ready();
  const stack: Array<{ indent: number; path: string }> = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const indent = line.search(/[^│├└─\s]/u);
    if (indent < 0) continue;
    const match = /^(\S+)(?: \(([A-Z, ]+)\))?/.exec(line.slice(indent));
    if (!match) continue;
    while (stack.length && stack.at(-1)!.indent >= indent) stack.pop();
    const path = (stack.at(-1)?.path ?? '') + match[1]!;
    stack.push({ indent, path });
    for (const verb of (match[2] ?? '').split(', ')) if (verb === 'GET' || verb === 'POST' || verb === 'DELETE') routes.push(`${verb} ${path}`);
  }
  // The OpenAPI document describes the API (under /api/); the HTML pages beside it (the console at
  // /console/, the certificate check at /verify) are not endpoints.
  return routes.filter((route) => route.split(' ')[1]!.startsWith('/api/'));
}
