import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderForwardPdf } from '../../../backoffice/src/routing/forwardPdf';
import type { ForwardSummary } from '../../../backoffice/src/routing/forwardSummary';
import { fallbackLetterhead } from '../../../src/domain/certificateTemplate';
import { readPpm } from '../../support/ppm';
import { acceptedBirthExtract, PUBLIC_URL, replyTokenIn, routingWorld, type RoutingWorld } from './routingFixtures';

/**
 * The PDF a commune files, as it arrives: attached to the forwarding mail the real SMTP server
 * received, then read back with poppler (pdfinfo, pdffonts, pdftotext, pdftoppm) and jsQR.
 */

/**
 * The letters' skeletons (rasm): the font draws ب ت ث ن ي from one base glyph plus dots, so the
 * PDF's Unicode map, one code point per glyph, gives the text back without telling them apart.
 * Comparing skeletons still checks every letter's place and the reading order.
 */
const SKELETON: Record<string, string> = {
  ب: 'ٮ', ت: 'ٮ', ث: 'ٮ', ن: 'ٮ', ي: 'ٮ', ى: 'ٮ', ئ: 'ٮ', ج: 'ح', خ: 'ح', ذ: 'د', ز: 'ر', ش: 'س', ض: 'ص', ظ: 'ط', غ: 'ع', ق: 'ف', ة: 'ه', أ: 'ا', إ: 'ا', آ: 'ا', ؤ: 'و',
};
function arabicSkeleton(text: string): string {
  return [...text.normalize('NFKC').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')].map((char) => SKELETON[char] ?? char).join('');
}

let world: RoutingWorld;
let folder = '';
let pdfFile = '';
let replyPage = '';
let trackingCode = '';
let mailText = '';

beforeAll(async () => {
  world = await routingWorld();
  const request = await acceptedBirthExtract(world, 1);
  trackingCode = request.trackingCode;
  expect(await world.sendForwards()).toBe(1);
  const [mail] = await world.smtp.waitForMails(1);
  mailText = mail!.text!;
  replyPage = `${PUBLIC_URL}/reply/${replyTokenIn(mailText)}`;
  const pdf = mail!.attachments.find((attachment) => attachment.contentType === 'application/pdf');
  expect(pdf?.filename).toBe(`demande-${trackingCode}.pdf`);
  folder = mkdtempSync(join(tmpdir(), 'shubbak-forward-pdf-'));
  pdfFile = join(folder, 'demande.pdf');
  writeFileSync(pdfFile, pdf!.content);
}, 60_000);

afterAll(async () => {
  await world?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the PDF attached to a forwarding mail', () => {
  it('sits beside the JSON summary, which stays for software', async () => {
    const [mail] = world.smtp.mails;
    expect(mail!.attachments.map((a) => a.contentType)).toEqual(['application/pdf', 'application/json']);
    expect(mailText).toContain('PDF');
  });

  it('is one A4 page with every font embedded', () => {
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(new RegExp(`Title:\\s+Demande ${trackingCode} — birth_extract\\n`));
    const fonts = execFileSync('pdffonts', [pdfFile], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const row of fonts) expect(row).toMatch(/NotoSansArabic.*\byes\s+yes\s+yes\b/);
  });

  it('carries the letterhead, addressee, tracking code, service, dates, identity, fields and reply link as text', () => {
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Royaume du Maroc',
      'À : Commune de Fès',
      trackingCode,
      'Service : birth_extract',
      'Titulaire',
      'Nom : El Amrani Mohamed',
      'CIN : AB123456',
      'Né(e) le : 01/05/1990',
      'Renseignements de la demande',
      'Commune : Fès',
      'Act number : 1234',
      'Year : 1990',
      'Réponse attendue avant le',
    ]) {
      expect(text).toContain(expected);
    }
    // The link is broken across lines wherever the width ends; its lines join into it again.
    expect(text.replace(/\s+/g, '')).toContain(replyPage);
  });

  it('carries the Arabic text, shaped, in reading order', () => {
    // Without -layout, poppler gives each line in logical order, from the glyphs' Unicode mapping.
    const text = arabicSkeleton(execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }));
    for (const expected of ['المملكة المغربية', 'وزارة الداخلية', 'جماعة فاس', 'طلب محال للمعالجة', 'صاحب الطلب', 'العمراني محمد', 'رقم البطاقة الوطنية', 'معطيات الطلب', 'للرد']) {
      expect(text).toContain(arabicSkeleton(expected));
    }
  });

  it('renders to a page with ink whose QR code decodes to the reply link', () => {
    const page = readPpm(execFileSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', pdfFile], { maxBuffer: 64 * 1024 * 1024 }));
    let dark = 0;
    for (let i = 0; i < page.rgba.length; i += 4) if (page.rgba[i]! < 128) dark++;
    const share = dark / (page.width * page.height);
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.3);
    expect(jsQR(page.rgba, page.width, page.height)?.data).toBe(replyPage);
  });
});

describe('a forward whose fields fill the page', () => {
  it('puts the reply block on a second page, its QR code still readable', async () => {
    const [mail] = world.smtp.mails;
    const summary = JSON.parse(mail!.attachments.find((a) => a.contentType === 'application/json')!.content.toString('utf8')) as ForwardSummary;
    const fields = Array.from({ length: 40 }, (_, i) => ({ key: `f${i}`, labelFr: `Champ ${i}`, labelAr: `خانة ${i}`, value: `valeur ${i}` }));
    const file = join(folder, 'long.pdf');
    writeFileSync(file, await renderForwardPdf({ summary: { ...summary, fields }, letterhead: fallbackLetterhead('Annexe north').lines }));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2\n/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Champ 39 : valeur 39');
    const second = readPpm(execFileSync('pdftoppm', ['-r', '150', '-f', '2', '-l', '2', file], { maxBuffer: 64 * 1024 * 1024 }));
    expect(jsQR(second.rgba, second.width, second.height)?.data).toBe(replyPage);
  });
});
