import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import { receiptQrPayload } from '../../src/domain/statusProof';
import { formatTrackingCode } from '../../src/domain/trackingCode';
import { launchKiosk, startKioskServer, tempDir, type LaunchedKiosk } from './harness';
import { byTestId, shows, tap } from './citizenSteps';

const CODE = formatTrackingCode('KBZ', 42);
const TOKEN = 'AAECAwQFBgcICQoLDA0ODw';

/**
 * A receipt's QR code as a camera would film it: a Y4M file (what Chromium's fake camera plays),
 * black modules on white, a few frames.
 */
async function qrVideo(text: string): Promise<string> {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const scale = 8;
  const margin = 4;
  const side = (qr.modules.size + 2 * margin) * scale;
  const width = side + (side % 2);
  const height = width;
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const row = Math.floor(y / scale) - margin;
      const column = Math.floor(x / scale) - margin;
      const inside = row >= 0 && column >= 0 && row < qr.modules.size && column < qr.modules.size;
      if (inside && qr.modules.get(row, column)) luma[y * width + x] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const file = path.join(await tempDir('camera'), 'receipt-qr.y4m');
  await writeFile(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 10 }, () => frame)]));
  return file;
}

describe('the status screen reads a receipt QR code with the camera', () => {
  let server: RunningKioskServer;
  let kiosk: LaunchedKiosk;

  beforeAll(async () => {
    server = await startKioskServer({});
    // A receipt as printed: its tracking code and the token that proves the holder.
    const video = await qrVideo(receiptQrPayload(CODE, TOKEN));
    kiosk = await launchKiosk({
      url: server.url,
      extraArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
  });

  afterAll(async () => {
    await kiosk?.close();
    await server?.close();
  });

  it('looks up the code held up to the camera, without typing (its token is the proof), and releases the camera', async () => {
    const { page } = kiosk;
    await shows(page, 'screen-attract', 30_000);
    await tap(page, 'language-fr');
    await tap(page, 'start');
    await tap(page, 'check-status');
    await shows(page, 'screen-lookup');
    await tap(page, 'qr-scan');
    // No request carries this code on a fresh kiosk: the lookup ran at once, with the token as
    // proof, and answers "no match", with the code read.
    await shows(page, 'lookup-noMatch', 20_000);
    expect(await page.locator('video').count()).toBe(0);
    await tap(page, 'lookup-another');
    expect(await page.locator(byTestId('field-lookup-code')).inputValue()).toBe(CODE);
  });
});
