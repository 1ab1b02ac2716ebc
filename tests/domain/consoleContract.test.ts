import { describe, expect, it } from 'vitest';
import { allowedActions, type ActionContext } from '../../src/domain/console/actions';
import { refuseBodySchema } from '../../src/domain/console/requestActions';
import { CONSOLE_ROUTES, consolePath } from '../../src/domain/console/routes';
import { searchQuerySchema } from '../../src/domain/console/search';
import { toQueryString } from '../../src/domain/console/paging';
import { activationCodeSchema, staffLoginSchema } from '../../src/domain/console/session';

const base: ActionContext = {
  status: 'received',
  role: 'agent',
  assigneeId: null,
  staffId: 'me',
  issuesCertificate: false,
  hasValidCertificate: false,
};

describe('allowedActions', () => {
  it.each([
    ['an unassigned new request, for an agent', {}, ['assign']],
    ['a new request I hold', { assigneeId: 'me' }, ['release', 'checkDocument', 'startReview']],
    ['a new request a colleague holds, for a chief', { assigneeId: 'other', role: 'chief' }, ['assign', 'refuse']],
    ['a request in review I hold, no certificate', { status: 'inReview', assigneeId: 'me' }, ['release', 'checkDocument', 'markReady']],
    [
      'a request in review I hold, with a certificate, as chief',
      { status: 'inReview', assigneeId: 'me', issuesCertificate: true, role: 'chief' },
      ['release', 'checkDocument', 'issueCertificate', 'refuse'],
    ],
    ['a ready request, for an agent', { status: 'ready' }, ['assign', 'collect']],
    ['a ready request with its certificate, for an admin', { status: 'ready', hasValidCertificate: true, role: 'admin' }, ['assign', 'revokeCertificate', 'refuse', 'collect']],
    ['a collected request', { status: 'collected', role: 'admin' }, []],
    ['a refused request', { status: 'refused', assigneeId: 'me' }, []],
  ] as const)('offers %s only what the status, role and holder allow', (_, overrides, expected) => {
    expect(allowedActions({ ...base, ...overrides })).toEqual(expected);
  });
});

describe('console contract', () => {
  it('fills route parameters and encodes them', () => {
    expect(consolePath('request', { officeId: 'demo', requestId: 'a/b' })).toBe('/api/v1/console/offices/demo/requests/a%2Fb');
    expect(() => consolePath('request', { officeId: 'demo' })).toThrow(/requestId/);
  });

  it('has one path per method, so no two routes collide', () => {
    const keys = Object.values(CONSOLE_ROUTES).map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('asks for a text when the refusal reason is "other"', () => {
    expect(refuseBodySchema.safeParse({ expectedVersion: 1, reasonCode: 'other' }).success).toBe(false);
    expect(refuseBodySchema.safeParse({ expectedVersion: 1, reasonCode: 'other', reason: 'Acte introuvable' }).success).toBe(true);
    expect(refuseBodySchema.safeParse({ expectedVersion: 1, reasonCode: 'missingDocuments' }).success).toBe(true);
  });

  it('reads a search from its query string, numbers included', () => {
    const query = Object.fromEntries(new URLSearchParams(toQueryString({ q: 'Zahra', limit: 10, serviceId: undefined })));
    expect(searchQuerySchema.parse(query)).toEqual({ q: 'Zahra', limit: 10, offset: 0, order: 'oldest' });
  });

  it('normalises logins and activation codes as typed', () => {
    expect(staffLoginSchema.parse(' Amina.Idrissi ')).toBe('amina.idrissi');
    expect(activationCodeSchema.parse('abcd-efgh-jk12')).toBe('ABCD-EFGH-JK12');
    expect(activationCodeSchema.safeParse('ABCD-EFGH-IK12').success).toBe(false);
  });
});
