import { CONTENT_WIDTH, drawLetterhead, PAGE, startA4Document, type BilingualPdfWriter, type LineStyle } from '../certificates/bilingualPdf';
import type { ForwardSummary } from './forwardSummary';

/**
 * The forwarded request as an A4 PDF a commune can print and file (the forwarding mail's
 * attachment, beside the JSON summary for bodies whose software reads it): the office's
 * letterhead, the addressee, the tracking code, the service, the dates, the holder's identity and
 * the service's fields, each in French (left) and Arabic (right), and the single-use reply link
 * as text and as a QR code, so a clerk with the paper in hand answers from a phone.
 * Built on the certificates' PDF stack (certificates/bilingualPdf.ts): fonts embedded, Arabic shaped.
 */

export interface ForwardPdfInput {
  summary: ForwardSummary;
  /** The office's letterhead lines (the catalogue's, else the kingdom's heading and the office's name). */
  letterhead: { ar: readonly string[]; fr: readonly string[] };
}

/** `2026-12-02…` → `02/12/2026`, as the office prints dates; `—` when there is none. */
export function printedDay(iso: string | null): string {
  if (iso === null) return '—';
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

const HALF = CONTENT_WIDTH / 2 - 10;
const FR_COLUMN = { left: PAGE.margin, width: HALF, direction: 'ltr' as const, align: 'start' as const };
const AR_COLUMN = { left: PAGE.margin + CONTENT_WIDTH - HALF, width: HALF, direction: 'rtl' as const, align: 'start' as const };
const FULL = { left: PAGE.margin, width: CONTENT_WIDTH };

/** Where the page's text ends: below, a line goes to the next page. */
const LAST_LINE_Y = PAGE.height - PAGE.margin - 30;

/** One line of the letter in both languages, side by side (on a new page if this one is full); returns the y below the taller one. */
function pair(write: BilingualPdfWriter, atY: number, fr: string, ar: string, style: Pick<LineStyle, 'size' | 'weight'>): number {
  let y = atY;
  if (y > LAST_LINE_Y) {
    write.doc.addPage();
    y = PAGE.margin;
  }
  return Math.max(write.paragraph(fr, y, { ...FR_COLUMN, ...style }, 1.45), write.paragraph(ar, y, { ...AR_COLUMN, ...style }, 1.55));
}

export async function renderForwardPdf({ summary, letterhead }: ForwardPdfInput): Promise<Buffer> {
  const { write, finish } = startA4Document({ title: `Demande ${summary.trackingCode} — ${summary.service.nameFr}`, createdAt: new Date(summary.forwardedAt) });
  let y = drawLetterhead(write, letterhead) + 18;
  y = pair(write, y, `À : ${summary.body.nameFr}`, `إلى: ${summary.body.nameAr}`, { size: 11, weight: 'bold' }) + 14;

  y = write.paragraph('طلب محال للمعالجة', y, { ...FULL, size: 16, weight: 'bold', direction: 'rtl', align: 'center' }, 1.6);
  y = write.paragraph('Demande transmise pour traitement', y, { ...FULL, size: 15, weight: 'bold', direction: 'ltr', align: 'center' }, 1.6);
  y = write.paragraph(`N° ${summary.trackingCode} : رقم`, y + 2, { ...FULL, size: 13, weight: 'bold', direction: 'ltr', align: 'center' }, 1.6) + 10;

  const text = { size: 10.5, weight: 'regular' as const };
  const label = { size: 10.5, weight: 'bold' as const };
  y = pair(write, y, `Service : ${summary.service.nameFr}`, `الخدمة: ${summary.service.nameAr}`, label);
  y = pair(write, y, `Transmise le ${printedDay(summary.forwardedAt)}`, `أحيلت بتاريخ ${printedDay(summary.forwardedAt)}`, text);
  y = pair(write, y, `Réponse attendue avant le ${printedDay(summary.dueAt)}`, `الرد قبل ${printedDay(summary.dueAt)}`, text);
  y += 6;
  write.rule(y, PAGE.margin, CONTENT_WIDTH);
  y += 10;

  const h = summary.holder;
  y = pair(write, y, 'Titulaire', 'صاحب الطلب', label);
  y = pair(write, y, `Nom : ${h.lastNameLatin} ${h.firstNameLatin}`, `الاسم: ${h.lastNameArabic || h.lastNameLatin} ${h.firstNameArabic || h.firstNameLatin}`, text);
  y = pair(write, y, `CIN : ${h.cin}`, `رقم البطاقة الوطنية: ${h.cin}`, text);
  y = pair(write, y, `Né(e) le : ${printedDay(h.dateOfBirth)}`, `تاريخ الازدياد: ${printedDay(h.dateOfBirth)}`, text);
  if (summary.fields.length > 0) {
    y = pair(write, y + 8, 'Renseignements de la demande', 'معطيات الطلب', label);
    for (const field of summary.fields) y = pair(write, y, `${field.labelFr} : ${field.value}`, `${field.labelAr}: ${field.value}`, text);
  }
  y += 6;
  write.rule(y, PAGE.margin, CONTENT_WIDTH);

  // The reply: the QR code at the foot of the page, how to answer beside it, the link below as text.
  const qrSize = 150;
  const linkStyle = { ...FULL, size: 7.5, weight: 'regular' as const, direction: 'ltr' as const, align: 'start' as const };
  const qrY = PAGE.height - PAGE.margin - qrSize - 44;
  // A service with many fields (or long answers) would run into the reply block: it goes on a page of its own.
  if (y > qrY - 12) write.doc.addPage();
  write.qr(summary.reply.page, PAGE.margin, qrY, qrSize);
  const note = { size: 9.5, weight: 'regular' as const, align: 'start' as const, left: PAGE.margin + qrSize + 14, width: CONTENT_WIDTH - qrSize - 14 };
  let noteY = qrY + 14;
  noteY = write.paragraph(
    `Pour répondre (document prêt, avec le document si vous le souhaitez, ou demande refusée avec son motif), lisez ce code ou ouvrez le lien ci-dessous. Il sert une seule fois, jusqu'au ${printedDay(summary.reply.expiresAt)}.`,
    noteY,
    { ...note, direction: 'ltr' },
  );
  write.paragraph(
    `للرد (الوثيقة جاهزة أو الطلب مرفوض مع السبب)، اقرؤوا هذا الرمز أو افتحوا الرابط أسفله. صالح لمرة واحدة إلى غاية ${printedDay(summary.reply.expiresAt)}.`,
    noteY + 6,
    { ...note, direction: 'rtl' },
    1.6,
  );
  write.unbroken(summary.reply.page, qrY + qrSize + 8, linkStyle);
  return finish();
}
