import type { CertificateText } from '../../../src/domain/certificateTemplate';
import { CONTENT_WIDTH, drawLetterhead, PAGE, startA4Document } from './bilingualPdf';

/**
 * The certificate as an A4 PDF (bilingualPdf.ts: fonts embedded, Arabic shaped and right to left):
 * letterhead in French (left) and Arabic (right), the number, the title and the text in both
 * languages, "done at", the signatory, and the QR code of the signed token.
 */

export async function renderCertificatePdf(text: CertificateText, token: string, issuedAt: Date): Promise<Buffer> {
  const { write, finish } = startA4Document({ title: `${text.title.fr} — ${text.number}`, createdAt: issuedAt });
  const half = CONTENT_WIDTH / 2 - 10;
  let y = drawLetterhead(write, text.letterhead) + 28;

  const full = { left: PAGE.margin, width: CONTENT_WIDTH };
  y = write.paragraph(`N° ${text.number} : رقم`, y, { ...full, size: 11, weight: 'regular', direction: 'ltr', align: 'center' }) + 18;
  y = write.paragraph(text.title.ar, y, { ...full, size: 20, weight: 'bold', direction: 'rtl', align: 'center' }, 1.6);
  y = write.paragraph(text.title.fr, y, { ...full, size: 18, weight: 'bold', direction: 'ltr', align: 'center' }, 1.6) + 22;

  const body = { ...full, size: 12, weight: 'regular' as const, align: 'start' as const };
  y = write.paragraph(text.body.ar, y, { ...body, direction: 'rtl' }, 1.7) + 16;
  y = write.paragraph(text.body.fr, y, { ...body, direction: 'ltr' }, 1.6) + 26;

  const closingAr = { ...body, direction: 'rtl' as const, left: PAGE.margin + CONTENT_WIDTH - half, width: half };
  const closingFr = { ...body, direction: 'ltr' as const, left: PAGE.margin, width: half };
  const doneY = y;
  y = Math.max(write.paragraph(text.doneAt.ar, doneY, closingAr), write.paragraph(text.doneAt.fr, doneY, closingFr)) + 6;
  Math.max(
    write.paragraph(text.signatory.ar, y, { ...closingAr, weight: 'bold' }),
    write.paragraph(text.signatory.fr, y, { ...closingFr, weight: 'bold' }),
  );

  // The QR code at the foot of the page, with how to check it in both languages.
  const qrSize = 120;
  const qrY = PAGE.height - PAGE.margin - qrSize;
  write.qr(token, PAGE.margin, qrY, qrSize);
  const note = { size: 9, weight: 'regular' as const, align: 'start' as const, left: PAGE.margin + qrSize + 14, width: CONTENT_WIDTH - qrSize - 14 };
  let noteY = qrY + 22;
  noteY = write.paragraph('Document signé électroniquement. Vérifiez-le en lisant ce code sur la page /verify du bureau.', noteY, {
    ...note,
    direction: 'ltr',
  });
  write.paragraph('وثيقة موقعة إلكترونيا. تحقق منها بقراءة هذا الرمز في صفحة /verify للمكتب.', noteY + 4, { ...note, direction: 'rtl' });

  return finish();
}
