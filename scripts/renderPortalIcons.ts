/**
 * Renders the portal's icon (portal/public/icons/icon.svg) to the PNG sizes the web app manifest
 * and iOS ask for, with Debian's Chromium. Run again after changing the SVG:
 * `npx tsx scripts/renderPortalIcons.ts`. The PNGs are committed, so a build never needs a browser.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const iconsDir = path.join(import.meta.dirname, '..', 'portal', 'public', 'icons');
const SIZES: Array<[name: string, size: number]> = [
  ['icon-192.png', 192],
  ['icon-512.png', 512],
  ['apple-touch-icon.png', 180],
];

const svg = await readFile(path.join(iconsDir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const [name, size] of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    await writeFile(path.join(iconsDir, name), await page.screenshot({ type: 'png', omitBackground: false }));
    await page.close();
  }
} finally {
  await browser.close();
}
