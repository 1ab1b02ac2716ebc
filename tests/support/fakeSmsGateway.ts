import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  to: string;
  text: string;
  /** The idempotency key, when the body template carries it as `reference`. */
  reference: string | null;
  headers: IncomingMessage['headers'];
  rawBody: string;
}

export interface FakeSmsGateway {
  readonly url: string;
  /** Every SMS the gateway accepted (answered 200), in arrival order. */
  readonly accepted: ReceivedSms[];
  /** Every POST received, accepted or not. */
  readonly requests: number;
  /** The next `count` requests are answered with `status` (e.g. 500, 429, 400). */
  failNext(count: number, status?: number): void;
  /** The next `count` requests get no answer until the gateway closes (the sender's timeout fires). */
  hangNext(count: number): void;
  waitForSms(count: number, timeoutMs?: number): Promise<ReceivedSms[]>;
  close(): Promise<void>;
}

/** Reads `to`, `text` and `reference` from a JSON body or a form body, as the sender's template wrote them. */
function parseBody(raw: string, contentType: string): { to: string; text: string; reference: string | null } {
  if (contentType.includes('json')) {
    const body = JSON.parse(raw) as Record<string, unknown>;
    return { to: String(body.to ?? ''), text: String(body.text ?? ''), reference: typeof body.reference === 'string' ? body.reference : null };
  }
  const form = new URLSearchParams(raw);
  return { to: form.get('to') ?? '', text: form.get('text') ?? '', reference: form.get('reference') };
}

/**
 * A real local HTTP server standing in for an SMS provider: it records each SMS it accepts and
 * can be told to answer errors or to hang, to test the sender's retries and timeouts.
 */
export async function startFakeSmsGateway(options: { path?: string } = {}): Promise<FakeSmsGateway> {
  const path = options.path ?? '/api/send';
  const accepted: ReceivedSms[] = [];
  const hanging: ServerResponse[] = [];
  let requests = 0;
  let failures: { count: number; status: number } = { count: 0, status: 500 };
  let hangs = 0;

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests += 1;
      if (request.method !== 'POST' || request.url !== path) {
        response.writeHead(404).end();
        return;
      }
      if (hangs > 0) {
        hangs -= 1;
        hanging.push(response);
        return;
      }
      if (failures.count > 0) {
        failures.count -= 1;
        response.writeHead(failures.status, { 'content-type': 'application/json' }).end('{"error":"injected"}');
        return;
      }
      const rawBody = Buffer.concat(chunks).toString('utf8');
      try {
        accepted.push({ ...parseBody(rawBody, request.headers['content-type'] ?? ''), headers: request.headers, rawBody });
      } catch {
        response.writeHead(400).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"queued"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${path}`,
    accepted,
    get requests() {
      return requests;
    },
    failNext(count, status = 500) {
      failures = { count, status };
    },
    hangNext(count) {
      hangs = count;
    },
    async waitForSms(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (accepted.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} SMS, got ${accepted.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return accepted;
    },
    async close() {
      for (const response of hanging.splice(0)) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
