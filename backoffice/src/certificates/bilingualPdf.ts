import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { visualRuns, type RunFont } from './bidiRuns';
import { woffToSfnt } from './woffToSfnt';

/**
 * The one PDF stack of the back office, shared by the certificates and the summaries of forwarded
 * requests: an A4 pdfkit document with Noto Sans Arabic from @fontsource (its Arabic and Latin
 * subsets, WOFF, unwrapped to TrueType on first use) embedded and subset, so the PDF prints the
 * same anywhere, offline; lines of mixed Arabic and Latin drawn in bidi order (bidiRuns.ts), and
 * QR codes drawn as vector squares.
 */

export type Weight = 'regular' | 'bold';
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

export const PAGE = { width: 595.28, height: 841.89, margin: 56 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

export type Align = 'start' | 'center';

export interface LineStyle {
  size: number;
  weight: Weight;
  direction: 'rtl' | 'ltr';
  align: Align;
  /** Left edge and width of the box the line is placed in. */
  left: number;
  width: number;
}

export class BilingualPdfWriter {
  constructor(readonly doc: PDFKit.PDFDocument) {}

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
    return this.lines(lines, y, style, lineGap);
  }

  /**
   * A long Latin string without spaces (a link) broken wherever the width ends, left to right;
   * returns the y below it. Read back from the PDF, its lines join into the string again.
   */
  unbroken(text: string, y: number, style: LineStyle, lineGap = 1.4): number {
    this.use('latin', style);
    const lines: string[] = [];
    let current = '';
    for (const char of text) {
      if (current !== '' && this.doc.widthOfString(current + char) > style.width) {
        lines.push(current);
        current = char;
      } else current += char;
    }
    if (current !== '') lines.push(current);
    return this.lines(lines, y, style, lineGap);
  }

  private lines(lines: readonly string[], y: number, style: LineStyle, lineGap: number): number {
    const step = style.size * lineGap;
    lines.forEach((line, i) => this.line(line, y + i * step, style));
    return y + lines.length * step;
  }

  /** A thin rule across the box, as between a letter's parts. */
  rule(y: number, left: number, width: number): void {
    this.doc.save().moveTo(left, y).lineTo(left + width, y).lineWidth(0.6).strokeColor('#555555').stroke().restore();
  }

  qr(data: string, x: number, y: number, size: number): void {
    // One byte-mode segment: the data is ASCII, and qrcode's segment optimiser costs more than it saves here.
    const { modules } = QRCode.create([{ data: Buffer.from(data, 'ascii'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
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

/** A letterhead in French (left half) and Arabic (right half) at the top of the page; returns the y below it. */
export function drawLetterhead(write: BilingualPdfWriter, letterhead: { ar: readonly string[]; fr: readonly string[] }): number {
  const half = CONTENT_WIDTH / 2 - 10;
  const headSize = { size: 10, weight: 'bold' as const, align: 'start' as const };
  let frY: number = PAGE.margin;
  let arY: number = PAGE.margin;
  for (const line of letterhead.fr) frY = write.paragraph(line, frY, { ...headSize, direction: 'ltr', left: PAGE.margin, width: half });
  for (const line of letterhead.ar) {
    arY = write.paragraph(line, arY, { ...headSize, direction: 'rtl', left: PAGE.margin + CONTENT_WIDTH - half, width: half });
  }
  return Math.max(frY, arY);
}

export interface A4Document {
  write: BilingualPdfWriter;
  /** Ends the document; resolves with its bytes. */
  finish(): Promise<Buffer>;
}

/** A new A4 document with the fonts registered, collecting its bytes. */
export function startA4Document(info: { title: string; createdAt: Date }): A4Document {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    autoFirstPage: true,
    info: { Title: info.title, Producer: 'Shubbak', Creator: 'Shubbak back office', CreationDate: info.createdAt },
  });
  for (const [name, bytes] of fonts()) doc.registerFont(name, bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    write: new BilingualPdfWriter(doc),
    finish: () => {
      doc.end();
      return finished;
    },
  };
}
