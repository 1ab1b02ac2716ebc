import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPLY_DOCUMENT_MAX_BYTES, REPLY_LINK_DAYS } from '../../../src/domain/routing';
import { acceptedBirthExtract, multipart, PDF_BYTES, replyTokenIn, routingWorld, type RoutingWorld } from './routingFixtures';

let world: RoutingWorld;
let token: string;
beforeEach(async () => {
  world = await routingWorld();
  await acceptedBirthExtract(world, 1);
  await world.sendForwards();
  token = replyTokenIn((await world.smtp.waitForMails(1))[0]!.text!);
});
afterEach(async () => {
  await world.close();
});

const answer = (link: string, body: Record<string, unknown> = { answer: 'done' }) => world.h.post(`/api/v1/reply/${link}`, body);
const errorOf = (response: { statusCode: number; json(): unknown }) => [response.statusCode, (response.json() as { error: { code: string } }).error.code];

describe('reply links refuse abuse with clear errors', () => {
  it('refuses a forged token: an altered claim, a foreign signature, garbage', async () => {
    const [payload, signature] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const altered = Buffer.from(JSON.stringify({ ...claims, e: claims.e + 86_400 }), 'utf8').toString('base64url');
    expect(errorOf(await answer(`${altered}.${signature}`))).toEqual([400, 'invalid_link']);
    expect(errorOf(await answer(`${payload}.${'A'.repeat(86)}`))).toEqual([400, 'invalid_link']);
    expect(errorOf(await answer('not-a-token'))).toEqual([400, 'invalid_link']);
    const page = await world.h.app.inject({ method: 'GET', url: `/reply/${altered}.${signature}` });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('n’est pas valable');
    expect(page.body).toContain('غير صالح');
  });

  it('answers a link once: the replay is refused and changes nothing', async () => {
    expect((await answer(token)).statusCode).toBe(200);
    expect(errorOf(await answer(token, { answer: 'refused', reasonCode: 'notEligible' }))).toEqual([409, 'link_used']);
    const page = await world.h.app.inject({ method: 'GET', url: `/reply/${token}` });
    expect(page.statusCode).toBe(409);
    const forward = (await world.h.store.openForwards('north', 10)).length;
    expect(forward).toBe(0);
  });

  it('refuses an expired link', async () => {
    world.h.clock.now = new Date(world.h.clock.now.getTime() + (REPLY_LINK_DAYS + 1) * 24 * 60 * 60 * 1000);
    expect(errorOf(await answer(token))).toEqual([410, 'link_expired']);
  });

  it('refuses an oversize document and one whose content is not what it claims', async () => {
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(REPLY_DOCUMENT_MAX_BYTES)]);
    expect(errorOf(await answer(token, { answer: 'done', document: { contentType: 'application/pdf', base64: big.toString('base64') } }))).toEqual([413, 'document_too_large']);
    const fake = Buffer.from('MZ\x90\x00 this is an executable');
    expect(errorOf(await answer(token, { answer: 'done', document: { contentType: 'application/pdf', base64: fake.toString('base64') } }))).toEqual([415, 'document_type']);
    const form = await multipart({ answer: 'done', document: new Blob([fake], { type: 'application/pdf' }) });
    const page = await world.h.app.inject({ method: 'POST', url: `/reply/${token}`, ...form });
    expect(page.statusCode).toBe(415);
    // Nothing was recorded: the link still works.
    expect((await answer(token)).statusCode).toBe(200);
  });

  it('refuses a refusal without a reason, and free text the shared rule refuses', async () => {
    expect(errorOf(await answer(token, { answer: 'refused' }))).toEqual([400, 'reason_required']);
    expect(errorOf(await answer(token, { answer: 'refused', reasonCode: 'other' }))).toEqual([400, 'reason_required']);
    expect(errorOf(await answer(token, { answer: 'refused', reasonCode: 'other', reason: 'abc\u202edef' }))).toEqual([400, 'invalid_reason']);
  });

  it('keeps one office out of another office’s directory and forwards (404)', async () => {
    const forward = (await world.h.store.openForwards('north', 10))[0]!;
    expect(await world.h.store.forwardsOf('south', forward.requestId)).toEqual([]);
    expect(await world.h.store.getBody('south', world.communeId)).toBeNull();
    await expect(world.h.context.store.removeBody('south', world.communeId, world.h.clock.now.toISOString())).resolves.toBe(false);
  });

  it('refuses a link once the annex closed the request itself', async () => {
    const forward = (await world.h.store.openForwards('north', 10))[0]!;
    const row = (await world.h.store.getWorkRow('north', forward.requestId))!;
    await world.h.store.mutateRequest({
      requestId: row.id, officeId: 'north', expectedVersion: row.version, staffId: 'chief', at: world.h.clock.now.toISOString(),
      status: 'refused', event: { kind: 'status', reasonCode: 'withdrawnByCitizen' }, audit: { action: 'refuse', detail: 'test' },
    });
    expect(errorOf(await answer(token))).toEqual([409, 'request_closed']);
  });
});
