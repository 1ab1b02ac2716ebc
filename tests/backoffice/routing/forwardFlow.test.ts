import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesResponseSchema } from '../../../src/domain/syncProtocol';
import { acceptedBirthExtract, multipart, PDF_BYTES, PUBLIC_URL, replyTokenIn, routingWorld, type RoutingWorld } from './routingFixtures';

let world: RoutingWorld;
beforeEach(async () => {
  world = await routingWorld();
});
afterEach(async () => {
  await world.close();
});

async function kioskSees(trackingCode: string) {
  const response = await world.h.get('/api/v1/changes?since=0', world.kiosk.deviceToken);
  expect(response.statusCode, response.body).toBe(200);
  return changesResponseSchema.parse(response.json()).changes.filter((change) => change.trackingCode === trackingCode).at(-1);
}

describe('a birth extract routed to the commune of birth', () => {
  it('is mailed when accepted, answered done through the mail’s link with the document, and seen ready by the kiosk', async () => {
    const request = await acceptedBirthExtract(world, 1);
    expect(await world.sendForwards()).toBe(1);
    const [mail] = await world.smtp.waitForMails(1);
    expect(mail!.to).toMatchObject({ text: 'etat-civil@fes.example' });
    expect(mail!.subject).toContain(request.trackingCode);
    expect(mail!.text).toContain('Commune de Fès');
    expect(mail!.text).toContain('Commune : Fès');
    expect(mail!.text).toContain('جماعة فاس');
    const attachment = mail!.attachments.find((a) => a.contentType === 'application/json')!;
    const summary = JSON.parse(attachment.content.toString('utf8'));
    expect(summary).toMatchObject({ format: 'shubbak.forward/1', trackingCode: request.trackingCode, holder: { cin: 'AB123456' }, service: { id: 'birth_extract' } });
    expect(summary.holder.phone).toBeUndefined();
    const token = replyTokenIn(mail!.text!);
    expect(summary.reply.page).toBe(`${PUBLIC_URL}/reply/${token}`);

    // The console shows the forward as sent.
    const forwards = await world.h.store.forwardsOf('north', request.id);
    expect(forwards).toMatchObject([{ bodyId: world.communeId, answeredAt: null }]);
    expect(forwards[0]!.sentAt).not.toBeNull();

    const page = await world.h.app.inject({ method: 'GET', url: `/reply/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('lang="ar" dir="rtl"');
    expect(page.body).toContain(request.trackingCode);

    const form = await multipart({ answer: 'done', lang: 'fr', document: new Blob([PDF_BYTES], { type: 'application/pdf' }) });
    const answered = await world.h.app.inject({ method: 'POST', url: `/reply/${token}`, ...form });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.body).toContain('est maintenant prête');

    expect(await kioskSees(request.trackingCode)).toMatchObject({ status: 'ready' });
    const stored = await world.h.store.forwardsOf('north', request.id);
    expect(stored[0]).toMatchObject({ answer: 'done', documentType: 'application/pdf' });
    expect((await world.h.store.forwardDocument('north', stored[0]!.id))!.bytes.equals(PDF_BYTES)).toBe(true);
    const audit = await world.h.store.listStaffAudit({ officeId: 'north', limit: 20 });
    expect(audit.find((entry) => entry.action === 'forwardDone')).toMatchObject({ staffId: `body:${world.communeId}` });
  });

  it('takes a refusal with a translated reason and free text through the API, and the kiosk reads it', async () => {
    const request = await acceptedBirthExtract(world, 2);
    await world.sendForwards();
    const [mail] = await world.smtp.waitForMails(1);
    const token = replyTokenIn(mail!.text!);
    const response = await world.h.post(`/api/v1/reply/${token}`, { answer: 'refused', reasonCode: 'other', reason: 'Acte introuvable pour cette année' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ trackingCode: request.trackingCode, status: 'refused' });
    expect(await kioskSees(request.trackingCode)).toMatchObject({ status: 'refused', reasonCode: 'other', reason: 'Acte introuvable pour cette année' });
  });

  it('is not forwarded when the annex handles the service, nor when the directory has no body of its kind', async () => {
    await world.h.context.store.removeBody('north', world.communeId, world.h.clock.now.toISOString());
    const request = await acceptedBirthExtract(world, 3);
    expect(await world.sendForwards()).toBe(0);
    expect(await world.h.store.forwardsOf('north', request.id)).toEqual([]);
  });

  it('refuses to accept a request whose commune no body of the directory covers', async () => {
    await expect(acceptedBirthExtract(world, 4, 'Oujda')).rejects.toThrow(/no_body_for_service/);
  });
});
