import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * An HTTP proxy between the kiosk and the back office that misbehaves on demand, the way real
 * networks and servers do. Preflight (OPTIONS) requests always pass, so a fault reaches the
 * kiosk's code as the failure it stands for rather than as a CORS error.
 */
export type Fault =
  | { kind: 'pass' }
  /**
   * The back office receives, commits and answers; the answer is lost (the connection drops).
   * `afterHeaders`: the status line and headers get through first, so the browser cannot replay
   * the request on its own (Chromium silently re-sends a request whose reused connection closed
   * before any byte came back) and the kiosk's own retry must do it.
   */
  | { kind: 'dropAfterResponse'; afterHeaders?: boolean }
  | { kind: 'status'; status: 500 | 502 | 503; retryAfterSeconds?: number }
  /** Accepts the request and never answers: the kiosk's timeout must fire. */
  | { kind: 'hang' }
  /** TCP reset before any answer; the back office never sees the request. */
  | { kind: 'reset' }
  /** Forwards, then holds the answer back for this long. */
  | { kind: 'slow'; delayMs: number }
  /** Forwards with another device token in place of the kiosk's (the server judges it). */
  | { kind: 'forgeToken'; token: string };

export interface ProxyLogEntry {
  method: string;
  path: string;
  fault: Fault['kind'];
  /** Status of the whole answer the kiosk received, or null when no whole answer reached it. */
  status: number | null;
}

export interface FaultRule {
  fault: Fault;
  /** Only requests whose path matches (default: every API request). */
  path?: RegExp;
  /** Applies to this many matching requests, then the proxy passes again (default: until changed). */
  times?: number;
}

export interface FaultProxy {
  url: string;
  set(rule: FaultRule): void;
  pass(): void;
  readonly log: readonly ProxyLogEntry[];
  /** Matching requests seen so far (preflights excluded). */
  count(path: RegExp): number;
  close(): Promise<void>;
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return origin ? { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Retry-After', vary: 'Origin' } : {};
}

export async function startFaultProxy(upstreamUrl: string): Promise<FaultProxy> {
  const upstream = new URL(upstreamUrl);
  const log: ProxyLogEntry[] = [];
  const hanging = new Set<Socket>();
  let rule: FaultRule = { fault: { kind: 'pass' } };
  let remaining = Infinity;

  function faultFor(req: IncomingMessage): Fault {
    if (req.method === 'OPTIONS' || rule.fault.kind === 'pass') return { kind: 'pass' };
    if (rule.path && !rule.path.test(req.url ?? '')) return { kind: 'pass' };
    if (remaining <= 0) return { kind: 'pass' };
    remaining -= 1;
    return rule.fault;
  }

  /** Sends the request on and calls back with the whole answer, so a fault can act after the server committed. */
  function relay(req: IncomingMessage, body: Buffer, headers: IncomingMessage['headers'], onAnswer: (status: number, headers: IncomingMessage['headers'], payload: Buffer) => void, onError: () => void): void {
    const outgoing = forward(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...headers, host: upstream.host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => onAnswer(answer.statusCode ?? 502, answer.headers, Buffer.concat(chunks)));
        answer.on('error', onError);
      },
    );
    outgoing.on('error', onError);
    outgoing.end(body);
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const fault = faultFor(req);
    const entry: ProxyLogEntry = { method: req.method ?? '', path: req.url ?? '', fault: fault.kind, status: null };
    if (req.method !== 'OPTIONS') log.push(entry);
    const reply = (status: number, headers: IncomingMessage['headers'], payload: Buffer) => {
      entry.status = status;
      res.writeHead(status, headers);
      res.end(payload);
    };
    const upstreamFailed = () => {
      entry.status = 502;
      res.writeHead(502, corsHeaders(req)).end();
    };
    switch (fault.kind) {
      case 'pass':
        return relay(req, body, req.headers, reply, upstreamFailed);
      case 'dropAfterResponse':
        return relay(
          req,
          body,
          req.headers,
          (status, headers) => {
            if (fault.afterHeaders) {
              res.writeHead(status, headers);
              res.flushHeaders();
            }
            // Let the head reach the wire before the connection goes.
            setTimeout(() => req.socket.destroy(), fault.afterHeaders ? 50 : 0);
          },
          () => req.socket.destroy(),
        );
      case 'slow':
        return relay(req, body, req.headers, (...answer) => setTimeout(() => reply(...answer), fault.delayMs), upstreamFailed);
      case 'forgeToken':
        return relay(req, body, { ...req.headers, authorization: `Bearer ${fault.token}` }, reply, upstreamFailed);
      case 'status': {
        const retry: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
        entry.status = fault.status;
        res.writeHead(fault.status, { 'content-type': 'application/json', ...corsHeaders(req), ...retry });
        res.end(JSON.stringify({ error: { code: 'injected', message: `injected ${fault.status}` } }));
        return;
      }
      case 'hang':
        hanging.add(req.socket);
        req.socket.once('close', () => hanging.delete(req.socket));
        return;
      case 'reset':
        req.socket.resetAndDestroy();
        return;
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    log,
    set(next) {
      rule = next;
      remaining = next.times ?? Infinity;
    },
    pass() {
      rule = { fault: { kind: 'pass' } };
      for (const socket of hanging) socket.destroy();
      hanging.clear();
    },
    count: (path) => log.filter((entry) => path.test(entry.path)).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of hanging) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
