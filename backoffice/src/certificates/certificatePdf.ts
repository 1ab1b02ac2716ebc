import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CertificateText } from '../../../src/domain/certificateTemplate';
import { visualRuns, type RunFont } from './bidiRuns';
import { woffToSfnt } from './woffToSfnt';

/**
 * The certificate as an A4 PDF: letterhead in French (left) and Arabic (right), the number, the
 * title and the text in both languages, "done at", the signatory, and the QR code of the signed
 * token. Fonts are Noto Sans Arabic from @fontsource (its Arabic and Latin subsets, WOFF, which
 * unwrapped to TrueType on first use), embedded and subset, so the PDF prints the same anywhere, offline.
 */

type Weight = 'regular' | 'bold';
const FONT_FILES: Record<RunFont, Record<Weight, string>> = {
  arabic: { regular: 'noto-sans-arabic-arabic-400-normal.woff', bold: 'noto-sans-arabic-arabic-700-normal.woff' },
  latin: { regular: 'noto-sans-arabic-latin-400-normal.woff', bold: 'noto-sans-arabic-latin-700-normal.woff' },
};

let fontBytes: Map<string, Buffer> | null = null;

/** Read and unwrapped once per process: the package's exports hide its files, so they are found from its LICENSE. */
function fonts(): Map<string, Buffer> {
  if (fontBytes) return fontBytes;
  const folder = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-arabic/LICENSE')), 'files');
  fontBytes = new Map();
  for (const [font, weights] of Object.entries(FONT_FILES)) {
    for (const [weight, file] of Object.entries(weights)) fontBytes.set(`${font}-${weight}`, woffToSfnt(readFileSync(join(folder, file))));
  }
  return fontBytes;
}

const PAGE = { width: 595.28, height: 841.89, margin: 56 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

type Align = 'start' | 'center';

interface LineStyle {
  size: number;
  weight: Weight;
  direction: 'rtl' | 'ltr';
  align: Align;
  /** Left edge and width of the box the line is placed in. */
  left: number;
  width: number;
}

class CertificateWriter {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private use(font: RunFont, style: Pick<LineStyle, 'size' | 'weight'>): void {
    this.doc.font(`${font}-${style.weight}`).fontSize(style.size);
  }

  private widthOf(text: string, style: LineStyle): number {
    return visualRuns(text, style.direction).reduce((sum, run) => {
      this.use(run.font, style);
      return sum + this.doc.widthOfString(run.text);
    }, 0);
  }

  /** Draws one line at `y`, its runs placed left to right in drawing order. */
  private line(text: string, y: number, style: LineStyle): void {
    const width = this.widthOf(text, style);
    let x =
      style.align === 'center'
        ? style.left + (style.width - width) / 2
        : style.direction === 'rtl'
          ? style.left + style.width - width
          : style.left;
    for (const run of visualRuns(text, style.direction)) {
      this.use(run.font, style);
      this.doc.text(run.text, x, y, { lineBreak: false });
      x += this.doc.widthOfString(run.text);
    }
  }

  /**
   * Breaks a paragraph into lines that fit, at spaces, then draws them; returns the y below it.
   * Words are measured one by one (a space breaks Arabic joining, so a line is its words and spaces).
   */
  paragraph(text: string, y: number, style: LineStyle, lineGap = 1.5): number {
    const space = this.widthOf(' ', style);
    const lines: string[] = [];
    let current = '';
    let currentWidth = 0;
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const wordWidth = this.widthOf(word, style);
      if (current !== '' && currentWidth + space + wordWidth > style.width) {
        lines.push(current);
        current = word;
        currentWidth = wordWidth;
      } else if (current === '') {
        current = word;
        currentWidth = wordWidth;
      } else {
        current = `${current} ${word}`;
        currentWidth += space + wordWidth;
      }
    }
    if (current !== '') lines.push(current);
    const step = style.size * lineGap;
    lines.forEach((line, i) => this.line(line, y + i * step, style));
    return y + lines.length * step;
  }

  qr(token: string, x: number, y: number, size: number): void {
    // One byte-mode segment: the token is ASCII, and qrcode's segment optimiser costs more than it saves here.
    const { modules } = QRCode.create([{ data: Buffer.from(token, 'ascii'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
    // A quiet zone of four modules, as readers expect.
    const cell = size / (modules.size + 8);
    this.doc.save().rect(x, y, size, size).fill('#ffffff');
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) this.doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell);
      }
    }
    this.doc.fill('#000000').restore();
  }
}

export async function renderCertificatePdf(text: CertificateText, token: string, issuedAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    autoFirstPage: true,
    info: { Title: `${text.title.fr} — ${text.number}`, Producer: 'Shubbak', Creator: 'Shubbak back office', CreationDate: issuedAt },
  });
  for (const [name, bytes] of fonts()) doc.registerFont(name, bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const write = new CertificateWriter(doc);
  const half = CONTENT_WIDTH / 2 - 10;
  const headSize = { size: 10, weight: 'bold' as const, align: 'start' as const };
  let frY: number = PAGE.margin;
  let arY: number = PAGE.margin;
  for (const line of text.letterhead.fr) frY = write.paragraph(line, frY, { ...headSize, direction: 'ltr', left: PAGE.margin, width: half });
  for (const line of text.letterhead.ar) {
    arY = write.paragraph(line, arY, { ...headSize, direction: 'rtl', left: PAGE.margin + CONTENT_WIDTH - half, width: half });
  }
  let y = Math.max(frY, arY) + 28;

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

  doc.end();
  return finished;
}
