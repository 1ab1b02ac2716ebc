import { canonicalRequestJson, citizenRequestSchema } from '../../../src/domain/request';
import type { Catalogue } from '../../../src/domain/catalogue';
import type { OfficeIdentity } from '../../../src/domain/officeIdentity';
import type { RemoteStatus } from '../../../src/domain/status';
import type { PushResult, StatusChange } from '../../../src/domain/syncProtocol';
import type { FetchLike } from '../../../src/sync/transport';

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  | { kind: 'network' }
  | { kind: 'hang' }
  /** The server commits the push, then the connection dies before the answer (the exactly-once case). */
  | { kind: 'commitThenDrop' }
  /** The server commits the push and the kiosk dies before it hears the answer. */
  | { kind: 'commitThenHang' };

export const VALID_CODE = 'ABCD-2345';

/**
 * An in-memory back office speaking the protocol of src/domain/syncProtocol.ts, with the same
 * rules as the real one where the kiosk depends on them: upsert by id (duplicate / conflict),
 * per-item validation, a monotonic change sequence, Bearer tokens. Faults are queued per path.
 */
export class FakeBackoffice {
  readonly requests = new Map<string, string>();
  /** Ids in arrival order, duplicates included only once. */
  readonly arrivals: string[] = [];
  changes: StatusChange[] = [];
  seq = 0;
  readonly tokens = new Map<string, string>();
  readonly auditIds = new Set<string>();
  catalogue: Catalogue | null = null;
  officeIdentity: OfficeIdentity | null = null;
  readonly knownServices = new Set(['life', 'residence', 'single', 'birth_extract', 'kinship', 'indigence', 'signature', 'certified_copy', 'non_remarriage']);
  readonly faults: Array<{ path: string; fault: Fault }> = [];
  readonly calls: string[] = [];
  private devices = 0;

  failNext(path: string, fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push({ path, fault });
  }

  revokeAll(): void {
    this.tokens.clear();
  }

  setStatus(requestId: string, status: RemoteStatus): void {
    const json = this.requests.get(requestId);
    if (!json) throw new Error(`unknown request ${requestId}`);
    const { trackingCode } = JSON.parse(json) as { trackingCode: string };
    this.changes.push({ seq: ++this.seq, requestId, trackingCode, status, reason: status === 'refused' ? 'incomplete' : null, changedAt: new Date(1_800_000_000_000).toISOString() });
  }

  /** The server is restored from a backup taken when it held `keep` requests. */
  restoreBackup(backup: { requests: Map<string, string>; changes: StatusChange[]; seq: number }): void {
    this.requests.clear();
    for (const [id, json] of backup.requests) this.requests.set(id, json);
    this.changes = [...backup.changes];
    this.seq = backup.seq;
  }

  backup() {
    return { requests: new Map(this.requests), changes: [...this.changes], seq: this.seq };
  }

  readonly fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    const path = url.pathname.replace(/^\/api\/v1/, '');
    this.calls.push(path);
    const index = this.faults.findIndex((entry) => entry.path === path);
    const fault = index >= 0 ? this.faults.splice(index, 1)[0]?.fault : undefined;
    if (fault?.kind === 'network') throw new TypeError('Failed to fetch');
    if (fault?.kind === 'hang') return hangUntilAborted(init.signal);
    if (fault?.kind === 'status') return reply(fault.status, { error: { code: 'fault', message: 'injected' } }, fault.headers);
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    if (path === '/enrol') return this.enrol(body as { code: string; kioskLabel: string });
    const token = String((init.headers as Record<string, string> | undefined)?.authorization ?? '').replace(/^Bearer /, '');
    if (!this.tokens.has(token)) return reply(401, { error: { code: 'unauthorized', message: 'unknown device token' } });
    if (path === '/requests/push') {
      const answer = this.push((body as { items: unknown[] }).items);
      if (fault?.kind === 'commitThenDrop') throw new TypeError('connection reset');
      if (fault?.kind === 'commitThenHang') return new Promise<Response>(() => undefined);
      return answer;
    }
    if (path === '/changes') return this.changesSince(Number(url.searchParams.get('since')), Number(url.searchParams.get('limit')));
    if (path === '/catalogue') {
      const since = Number(url.searchParams.get('since'));
      return reply(200, { catalogue: this.catalogue && this.catalogue.version > since ? this.catalogue : null });
    }
    if (path === '/office-identity') {
      const since = Number(url.searchParams.get('since'));
      return reply(200, { identity: this.officeIdentity && this.officeIdentity.version > since ? this.officeIdentity : null });
    }
    if (path === '/audit') {
      for (const entry of (body as { entries: Array<{ id: string }> }).entries) this.auditIds.add(entry.id);
      return reply(200, { stored: true });
    }
    return reply(404, { error: { code: 'notFound', message: path } });
  };

  /** Every enrolment body received, as sent. */
  readonly enrolBodies: unknown[] = [];

  private enrol(body: { code: string; kioskLabel: string }): Response {
    this.enrolBodies.push(body);
    if (body.code !== VALID_CODE) return reply(404, { error: { code: 'unknownCode', message: 'no such enrolment code' } });
    const deviceToken = `token-${++this.devices}-${'x'.repeat(40)}`;
    this.tokens.set(deviceToken, `device-${this.devices}`);
    return reply(200, { deviceId: `device-${this.devices}`, deviceToken, officeId: 'berkane-annex-1', officeName: 'Annexe Berkane 1', trackingPrefix: 'BRK' });
  }

  private push(items: unknown[]): Response {
    const results: PushResult[] = items.map((item) => {
      const parsed = citizenRequestSchema.safeParse(item);
      const id = typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : null;
      if (!parsed.success) return { id, outcome: 'invalid', errors: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code })) };
      if (!this.knownServices.has(parsed.data.serviceId)) return { id, outcome: 'invalid', errors: [{ path: 'serviceId', code: 'unknownService' }] };
      const json = canonicalRequestJson(parsed.data);
      const existing = this.requests.get(parsed.data.id);
      if (existing !== undefined) return { id, outcome: existing === json ? 'duplicate' : 'conflict' };
      this.requests.set(parsed.data.id, json);
      this.arrivals.push(parsed.data.id);
      this.setStatus(parsed.data.id, 'received');
      return { id, outcome: 'accepted' };
    });
    return reply(200, { results });
  }

  private changesSince(since: number, limit: number): Response {
    const after = this.changes.filter((change) => change.seq > since);
    const page = after.slice(0, limit);
    return reply(200, { changes: page, cursor: page.at(-1)?.seq ?? since, more: after.length > page.length, highWater: this.seq });
  }
}

/** Like fetch: an aborted signal rejects at once, or as soon as it is aborted. */
function hangUntilAborted(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise<Response>((_resolve, reject) => {
    const abort = () => reject(new DOMException('aborted', 'AbortError'));
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort);
  });
}

function reply(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
