import { sampleClaims, SAMPLE_HOLDER } from '../../scripts/sampleHolder';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import defaultCatalogue from '../../assets/catalogue/default-catalogue.json';
import { visualRuns } from '../../backoffice/src/certificates/bidiRuns';
import { renderCertificatePdf } from '../../backoffice/src/certificates/certificatePdf';
import { SigningKeyring } from '../../backoffice/src/certificates/signingKeyring';
import { signToken, verifyTokenSignature } from '../../backoffice/src/certificates/tokenSignature';
import { catalogueSchema } from '../../src/domain/catalogue';
import { composeCertificate } from '../../src/domain/certificateTemplate';
import { readPpm } from '../support/ppm';

const catalogue = catalogueSchema.parse(defaultCatalogue);
const residence = catalogue.services.find((s) => s.id === 'residence')!;
let folder = '';
let token = '';
let keyring: SigningKeyring;
let pdfFile = '';

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'shubbak-pdf-'));
  keyring = SigningKeyring.open(folder);
  token = signToken(
    sampleClaims(),
    keyring.signingKey(),
  );
  const text = composeCertificate(
    residence.certificate!,
    {
      identity: SAMPLE_HOLDER,
      fields: { address: '12 rue Atlas, Agdal', proofOfAddress: 'lease' },
      serviceFields: residence.fields,
    },
    { number: 'DEMO-2026-000001', issuedOn: '2026-12-02', letterhead: catalogue.certificateLetterhead! },
  );
  pdfFile = join(folder, 'certificate.pdf');
  writeFileSync(pdfFile, await renderCertificatePdf(text, token, new Date('2026-12-02T09:00:00.000Z')));
}, 60_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the certificate PDF', () => {
  it('is one A4 page with every font embedded', () => {
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const fonts = execFileSync('pdffonts', [pdfFile], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    // Columns: name, type, encoding, emb, sub, uni: every font embedded, as a subset.
    for (const row of fonts) expect(row).toMatch(/NotoSansArabic.*\byes\s+yes\s+yes\b/);
  });

  it('carries the French text, holder and number as text', () => {
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    for (const expected of ['Certificat de résidence', 'Mohamed El Amrani', 'AB123456', '12 rue Atlas, Agdal', 'Contrat de bail', 'Fait à Rabat, le 02/12/2026', 'DEMO-2026-000001', 'Royaume du Maroc']) {
      expect(text).toContain(expected);
    }
  });

  it('renders to a page with ink whose QR code decodes to the signed token', () => {
    const page = readPpm(execFileSync('pdftoppm', ['-r', '110', '-f', '1', '-l', '1', pdfFile], { maxBuffer: 64 * 1024 * 1024 }));
    let dark = 0;
    for (let i = 0; i < page.rgba.length; i += 4) if (page.rgba[i]! < 128) dark++;
    const share = dark / (page.width * page.height);
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.3);
    const decoded = jsQR(page.rgba, page.width, page.height);
    expect(decoded?.data).toBe(token);
    expect(verifyTokenSignature(decoded?.data ?? '', keyring.verificationKeys()).outcome).toBe('valid');
  });
});

describe('Arabic lines in drawing order', () => {
  it('draws an Arabic sentence right to left, each word handed to the shaper in logical order', () => {
    expect(visualRuns('شهادة السكنى', 'rtl')).toEqual([
      { font: 'arabic', text: 'السكنى' },
      { font: 'latin', text: ' ' },
      { font: 'arabic', text: 'شهادة' },
    ]);
  });

  it('keeps numbers and Latin left to right inside Arabic, and mirrors brackets', () => {
    expect(visualRuns('رقم AB123456 في 01/05/1990', 'rtl').map((r) => r.text)).toEqual(['01/05/1990', ' ', 'في', ' ', 'AB123456', ' ', 'رقم']);
    expect(visualRuns('السيد(ة)', 'rtl').map((r) => r.text)).toEqual(['(', 'ة', ')', 'السيد']);
  });

  it('places an Arabic address inside a French line right to left', () => {
    expect(visualRuns('adresse : زنقة الأطلس.', 'ltr').map((r) => r.text)).toEqual(['adresse : ', 'الأطلس', ' ', 'زنقة', '.']);
  });
});
