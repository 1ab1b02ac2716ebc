import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import PDFDocument from 'pdfkit';
import { v7 as uuidv7 } from 'uuid';
import defaultCatalogue from '../assets/catalogue/default-catalogue.json';
import { SigningKeyring } from '../backoffice/src/certificates/signingKeyring';
import { issueCertificate, verifyCertificate, type CertificateDeps } from '../backoffice/src/service/certificates';
import { hashSecret } from '../backoffice/src/service/secrets';
import { openSqliteStore } from '../backoffice/src/store/sqliteStore';
import { SAMPLE_HOLDER } from '../scripts/sampleHolder';
import { catalogueSchema } from '../src/domain/catalogue';
import type { CitizenRequest } from '../src/domain/request';
import { formatTrackingCode } from '../src/domain/trackingCode';
import { percentile, round } from './stats';

/**
 * Certificates: issuing (render the PDF, sign, store, move the request to ready) and the online
 * verification, each beside a same-run baseline: a blank pdfkit page, and a bare Ed25519 verify
 * loop. The console benchmark (`bench:console`) calls `measureCertificates`; run alone with
 * `npx tsx bench/certificates.ts [issues] [verifySeconds]`, the last line is one JSON object.
 */

export interface CertificateFigures {
  issues: number;
  issueP50Ms: number;
  issueP95Ms: number;
  /** CPU time (user + system) per certificate: what the machine's load does not change. */
  issueCpuMs: number;
  blankPdfP95Ms: number;
  /** issueP95Ms / blankPdfP95Ms: what the certificate costs over pdfkit's own floor. */
  issueOverBlankPdf: number;
  verifyPerSecond: number;
  bareVerifyPerSecond: number;
  /** verifyPerSecond / bareVerifyPerSecond: the share of bare Ed25519 speed the online check keeps. */
  verifyShareOfBare: number;
}

function request(prefix: string, seq: number): CitizenRequest {
  return {
    id: uuidv7(),
    kioskSeq: seq,
    trackingCode: formatTrackingCode(prefix, seq),
    serviceId: 'residence',
    catalogueVersion: 1,
    locale: 'ar',
    identity: SAMPLE_HOLDER,
    fields: { address: `${seq} زنقة الأطلس، أكدال، الرباط`, proofOfAddress: 'lease' },
    consent: { noticeVersion: 1, acceptedAt: '2026-11-28T09:59:00.000Z' },
    createdAt: '2026-11-28T09:59:00.000Z',
  };
}

async function blankPdfMs(): Promise<number> {
  const started = performance.now();
  const doc = new PDFDocument({ size: 'A4' });
  doc.on('data', () => {});
  await new Promise<void>((resolve) => {
    doc.on('end', resolve);
    doc.end();
  });
  return performance.now() - started;
}

function perSecond(seconds: number, run: () => void | Promise<void>): Promise<number> {
  return (async () => {
    const until = performance.now() + seconds * 1000;
    let count = 0;
    const started = performance.now();
    while (performance.now() < until) {
      for (let i = 0; i < 100; i++) await run();
      count += 100;
    }
    return count / ((performance.now() - started) / 1000);
  })();
}

export async function measureCertificates(options: { issues?: number; verifySeconds?: number } = {}): Promise<CertificateFigures> {
  const issues = options.issues ?? 200;
  const verifySeconds = options.verifySeconds ?? 3;
  const dir = mkdtempSync(join(tmpdir(), 'shubbak-bench-cert-'));
  // A file store in WAL with synchronous = FULL, as the back office runs.
  const store = openSqliteStore(join(dir, 'backoffice.sqlite'));
  try {
    const now = new Date('2026-12-02T09:00:00.000Z');
    const at = now.toISOString();
    await store.createOffice({ id: 'bench', name: 'Annexe bench', createdAt: at });
    await store.importCatalogue('bench', catalogueSchema.parse(defaultCatalogue), at);
    await store.createEnrolmentCode({ codeHash: hashSecret('bench'), officeId: 'bench', createdAt: at, expiresAt: '2027-01-01T00:00:00.000Z' });
    const enrolled = await store.redeemEnrolmentCode({
      codeHash: hashSecret('bench'),
      now: at,
      device: { id: uuidv7(), label: 'bench', tokenHash: hashSecret('bench-device') },
      prefixCandidates: ['BNC'],
    });
    if (!enrolled.ok) throw new Error('enrolment failed');
    const warmUp = 10;
    const requests = Array.from({ length: issues + warmUp }, (_, i) => request(enrolled.device.trackingPrefix, i + 1));
    await store.pushRequests({
      deviceId: enrolled.device.id,
      officeId: 'bench',
      receivedAt: at,
      kioskSeqs: requests.map((r) => r.kioskSeq),
      items: requests.map((r) => ({ request: r, canonical: JSON.stringify(r) })),
    });
    for (const r of requests) await store.appendStatus({ requestId: r.id, expected: 'received', status: 'inReview', reason: null, at, by: 'bench' });

    const deps: CertificateDeps = { store, keyring: SigningKeyring.open(dir), now: () => now };
    const tokens: string[] = [];
    const issueMs: number[] = [];
    let cpuStart = process.cpuUsage();
    for (const [i, r] of requests.entries()) {
      if (i === warmUp) cpuStart = process.cpuUsage();
      const started = performance.now();
      const { certificate } = await issueCertificate(deps, { requestId: r.id, officeId: 'bench', by: 'bench' });
      if (i >= warmUp) issueMs.push(performance.now() - started);
      tokens.push(certificate.token);
    }
    const cpu = process.cpuUsage(cpuStart);
    const issueCpuMs = (cpu.user + cpu.system) / 1000 / issues;
    const blankMs: number[] = [];
    for (let i = 0; i < issues + warmUp; i++) {
      const ms = await blankPdfMs();
      if (i >= warmUp) blankMs.push(ms);
    }

    let next = 0;
    const verifyPerSecond = await perSecond(verifySeconds, async () => {
      const result = await verifyCertificate(deps, tokens[next++ % tokens.length]!);
      if (result.outcome !== 'valid') throw new Error(`bench token answered ${result.outcome}`);
    });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const message = Buffer.from(tokens[0]!.slice(0, tokens[0]!.lastIndexOf('.')), 'ascii');
    const signature = sign(null, message, privateKey);
    const bareVerifyPerSecond = await perSecond(verifySeconds, () => {
      if (!verify(null, message, publicKey, signature)) throw new Error('bare verify failed');
    });

    const issueP95Ms = percentile(issueMs, 95);
    const blankPdfP95Ms = percentile(blankMs, 95);
    return {
      issues,
      issueP50Ms: round(percentile(issueMs, 50)),
      issueP95Ms: round(issueP95Ms),
      issueCpuMs: round(issueCpuMs),
      blankPdfP95Ms: round(blankPdfP95Ms),
      issueOverBlankPdf: round(issueP95Ms / blankPdfP95Ms),
      verifyPerSecond: Math.round(verifyPerSecond),
      bareVerifyPerSecond: Math.round(bareVerifyPerSecond),
      verifyShareOfBare: round(verifyPerSecond / bareVerifyPerSecond),
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [issues, verifySeconds] = process.argv.slice(2).map(Number);
  measureCertificates({ issues: issues || undefined, verifySeconds: verifySeconds || undefined }).then(
    (figures) => console.log(JSON.stringify(figures)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
