import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import type { Catalogue } from '../../../src/domain/catalogue';
import type { LocalizedText } from '../../../src/domain/locales';
import type { CitizenRequest } from '../../../src/domain/request';
import { enrolResponseSchema, MAX_PUSH_BATCH, type PushResponse } from '../../../src/domain/syncProtocol';
import { formatTrackingCode } from '../../../src/domain/trackingCode';
import { catalogueImport, createOffice, enrolCode, type CommandContext } from '../cli/commands';
import { DATABASE_FILE, startBackoffice } from '../server';
import { openSqliteStore } from '../store/sqliteStore';

export interface IngestMeasure {
  count: number;
  batchSize: number;
  /** Requests pushed before the clock started, so the figure is the warm server's (a back office runs for months). */
  warmupRequests: number;
  seconds: number;
  requestsPerSecond: number;
}

const text = (s: string): LocalizedText => ({ ar: s, zgh: s, fr: s, en: s });

/** One service with typed fields, so every request runs the full field validation. */
const BENCH_CATALOGUE: Catalogue = {
  version: 1,
  services: [
    {
      id: 'birth_extract',
      name: text('Birth extract'),
      description: text('Birth extract'),
      pictogram: 'birth',
      fields: [
        { key: 'communeOfBirth', kind: 'text', label: text('Commune'), required: true },
        { key: 'actNumber', kind: 'digits', label: text('Act number'), required: true },
        { key: 'actYear', kind: 'year', label: text('Year'), required: true },
      ],
      documents: [text('CIN')],
      fee: { amountMad: null, confirmed: false },
      delay: text('days'),
      returnToCounter: false,
      handledBy: 'commune',
      active: true,
    },
  ],
};

function benchRequest(prefix: string, kioskSeq: number, now: string): CitizenRequest {
  return {
    id: uuidv7(),
    kioskSeq,
    trackingCode: formatTrackingCode(prefix, kioskSeq),
    serviceId: 'birth_extract',
    catalogueVersion: 1,
    locale: 'ar',
    identity: {
      cin: 'AB123456',
      lastNameLatin: 'El Amrani',
      firstNameLatin: 'Fatima',
      lastNameArabic: 'العمراني',
      firstNameArabic: 'فاطمة',
      dateOfBirth: '1988-03-14',
      phone: '+212612345678',
    },
    fields: { communeOfBirth: 'Berkane', actNumber: String(1000 + kioskSeq), actYear: '1988' },
    consent: { noticeVersion: 1, acceptedAt: now },
    createdAt: now,
  };
}

/**
 * Requests per second ingested by the back office alone: a real server on loopback over a fresh
 * temporary data directory, real HTTP, one kiosk pushing `count` requests in batches of
 * `batchSize` (each checked, upserted by id and logged in one transaction). Bodies are built
 * before the clock starts, so only the server is measured.
 */
export async function measureIngest({
  count,
  batchSize = MAX_PUSH_BATCH,
  warmupBatches = 4,
}: {
  count: number;
  batchSize?: number;
  warmupBatches?: number;
}): Promise<IngestMeasure> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shubbak-ingest-'));
  const store = openSqliteStore(join(dataDir, DATABASE_FILE));
  const context: CommandContext = { store, now: () => new Date(), print: () => undefined, defaultCatalogue: () => BENCH_CATALOGUE };
  await createOffice(context, { id: 'bench', name: 'Bench office' });
  await catalogueImport(context, 'bench', BENCH_CATALOGUE);
  const code = await enrolCode(context, 'bench');
  store.close();

  const server = await startBackoffice({ dataDir, port: 0, host: '127.0.0.1', rateLimit: false });
  try {
    const enrolled = await fetch(`${server.url}/api/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, kioskLabel: 'bench kiosk' }),
    });
    const kiosk = enrolResponseSchema.parse(await enrolled.json());
    const now = new Date().toISOString();
    const warmupRequests = warmupBatches * batchSize;
    const bodies = (first: number, total: number) => {
      // Encoded up front: the client's own work should not weigh on the server's figure.
      const batches: Uint8Array<ArrayBuffer>[] = [];
      for (let start = first; start < first + total; start += batchSize) {
        const items = [];
        for (let seq = start; seq < Math.min(start + batchSize, first + total); seq++) items.push(benchRequest(kiosk.trackingPrefix, seq, now));
        batches.push(new TextEncoder().encode(JSON.stringify({ items })));
      }
      return batches;
    };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${kiosk.deviceToken}` };
    const push = async (body: Uint8Array<ArrayBuffer>) => {
      const response = await fetch(`${server.url}/api/v1/requests/push`, { method: 'POST', headers, body });
      // A light check on purpose, for the same reason.
      const { results } = (await response.json()) as PushResponse;
      const refused = response.status === 200 ? results.find((r) => r.outcome !== 'accepted') : { status: response.status };
      if (refused) throw new Error(`bench request not accepted: ${JSON.stringify(refused)}`);
    };

    for (const body of bodies(1, warmupRequests)) await push(body);
    const measured = bodies(warmupRequests + 1, count);
    const started = performance.now();
    for (const body of measured) await push(body);
    const seconds = (performance.now() - started) / 1000;
    return { count, batchSize, warmupRequests, seconds, requestsPerSecond: Math.round(count / seconds) };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
