import { addBody } from '../../../backoffice/src/cli/routingCommands';
import type { EmailSender } from '../../../backoffice/src/messages/channels';
import { smtpEmailSender } from '../../../backoffice/src/messages/smtpEmailSender';
import { createOutboxWorker } from '../../../backoffice/src/messages/worker';
import { forwardDeliverer } from '../../../backoffice/src/routing/forwardDelivery';
import type { CitizenRequest } from '../../../src/domain/request';
import type { EnrolResponse } from '../../../src/domain/syncProtocol';
import { startTestSmtpServer, type TestSmtpServer } from '../../support/testSmtpServer';
import { callRoute, pushOne, staffSession, type StaffSessionHandle } from '../consoleFixtures';
import { harness, testCatalogue, type Harness } from '../fixtures';

export const PUBLIC_URL = 'https://annexe.example';

/** A server with a commune of birth in north's directory (added through the CLI), a kiosk, an agent, and a real SMTP server. */
export interface RoutingWorld {
  h: Harness;
  smtp: TestSmtpServer;
  mailer: EmailSender;
  kiosk: EnrolResponse;
  agent: StaffSessionHandle;
  communeId: string;
  /** One round of the messages worker (claim, deliver, mark); how many it sent. */
  sendForwards(): Promise<number>;
  close(): Promise<void>;
}

export async function routingWorld(): Promise<RoutingWorld> {
  const h = await harness();
  // The test catalogue, with birth extracts handled by the commune of birth within 7 days (as the default catalogue has them).
  const catalogue = testCatalogue();
  await h.store.importCatalogue('north', {
    ...catalogue,
    services: catalogue.services.map((service) => (service.id === 'birth_extract' ? { ...service, handledBy: 'commune-of-birth', delayDays: 7 } : service)),
  }, h.clock.now.toISOString());
  const smtp = await startTestSmtpServer();
  const mailer = smtpEmailSender({ url: smtp.url, from: '"Annexe north" <annexe@north.example>' });
  const communeId = await addBody(h.context, 'north', {
    kind: 'commune-of-birth',
    nameAr: 'جماعة فاس',
    nameFr: 'Commune de Fès',
    communes: ['Fès', 'Fez'],
    email: 'etat-civil@fes.example',
  });
  const kiosk = await h.enrol('north', 'Hall kiosk');
  const agent = await staffSession(h, 'north', 'agent', 'Amina');
  const deliverer = forwardDeliverer({ store: h.store, keyring: h.keyring, publicUrl: PUBLIC_URL, mailer, now: () => h.clock.now });
  // The messages worker itself, with routing's deliverer registered for kind `forward` (as serve does).
  const worker = createOutboxWorker({ store: h.store, deliverers: { forward: deliverer }, now: () => h.clock.now });
  return {
    h,
    smtp,
    mailer,
    kiosk,
    agent,
    communeId,
    sendForwards: async () => (await worker.runOnce()).sent,
    close: async () => {
      await mailer.close?.();
      await smtp.stop();
      await h.app.close();
      h.store.close();
    },
  };
}

/** A birth extract as a kiosk pushes it, taken into review by the agent (which forwards it). */
export async function acceptedBirthExtract(world: RoutingWorld, seq: number, commune = 'Fès'): Promise<CitizenRequest> {
  const request = await pushOne(world.h, world.kiosk, seq, { serviceId: 'birth_extract', catalogueVersion: 2, fields: { communeOfBirth: commune, actNumber: '1234', actYear: '1990' } });
  const params = { officeId: 'north', requestId: request.id };
  const version = async () => ((await callRoute(world.h, world.agent, 'request', params)).json() as { version: number }).version;
  const assigned = await callRoute(world.h, world.agent, 'assign', params, { expectedVersion: await version() });
  if (assigned.statusCode !== 200) throw new Error(assigned.body);
  const accepted = await callRoute(world.h, world.agent, 'status', params, { expectedVersion: await version(), status: 'inReview' });
  if (accepted.statusCode !== 200) throw new Error(accepted.body);
  return request;
}

/** The reply link's token, as read from a mail's text. */
export function replyTokenIn(text: string): string {
  const match = /\/reply\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no reply link in: ${text}`);
  return match[1]!;
}

/** A form as a browser posts it (multipart), serialised by the platform's own encoder. */
export async function multipart(fields: Record<string, string | Blob>): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value instanceof Blob) form.set(name, value, 'document');
    else form.set(name, value);
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}

export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
