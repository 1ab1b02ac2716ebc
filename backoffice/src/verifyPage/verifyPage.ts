import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { PublicKeySet } from '../../../src/domain/certificateToken';
import type { VerifyPageData } from './verifyPageData';
import { VERIFY_LANGUAGES, type VerifyPageStrings } from './verifyStrings';

/**
 * The public /verify page: one small HTML document, its stylesheet and its script, all served by
 * the back office (no CDN, works on the office's network alone). The public keys are embedded so
 * that the page can still check a signature when the back office stops answering.
 */

let clientBundle: string | null = null;

/** The page's script, bundled once per process from verifyClient.ts (with jsQR and the token parser). */
export function verifyClientScript(): string {
  if (clientBundle === null) {
    const result = buildSync({
      entryPoints: [fileURLToPath(new URL('./verifyClient.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
    });
    clientBundle = result.outputFiles[0]?.text ?? '';
  }
  return clientBundle;
}

export const VERIFY_STYLES = `
:root { font-family: "Noto Sans", "Noto Sans Arabic", system-ui, sans-serif; color: #1b1b1b; background: #f6f6f3; }
body { max-width: 44rem; margin: 0 auto; padding: 1.5rem; line-height: 1.5; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
nav { display: flex; gap: .75rem; flex-wrap: wrap; margin-bottom: 1rem; }
nav a { color: #0b4f8a; }
nav a[aria-current="true"] { font-weight: 700; text-decoration: none; }
label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
textarea { width: 100%; box-sizing: border-box; min-height: 6rem; font: 1rem ui-monospace, monospace; direction: ltr; }
.actions { display: flex; gap: .75rem; margin-top: .75rem; flex-wrap: wrap; }
button { font-size: 1rem; padding: .6rem 1.2rem; border-radius: .4rem; border: 1px solid #0b4f8a; background: #0b4f8a; color: #fff; cursor: pointer; }
button[type="button"] { background: #fff; color: #0b4f8a; }
button:focus-visible, a:focus-visible, textarea:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
video { width: 100%; max-height: 20rem; margin-top: 1rem; background: #000; }
#result { margin-top: 1.5rem; }
.banner { font-size: 1.2rem; font-weight: 700; padding: .75rem 1rem; border-radius: .4rem; }
[data-outcome="valid"] .banner { background: #e3f4e6; color: #11602a; border: 2px solid #11602a; }
[data-outcome="revoked"] .banner { background: #fff1d6; color: #7a4b00; border: 2px solid #7a4b00; }
[data-outcome="forged"] .banner { background: #fde4e4; color: #8f1111; border: 2px solid #8f1111; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; unicode-bidi: isolate; }
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON inside a <script> data block: `<` escaped so no text can close the element. */
function embeddedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export interface VerifyPageInput {
  strings: VerifyPageStrings;
  keys: PublicKeySet;
  verifyUrl: string;
}

export function renderVerifyPage({ strings, keys, verifyUrl }: VerifyPageInput): string {
  const { t, lang, dir } = strings;
  const languages = VERIFY_LANGUAGES.map(
    (language) =>
      `<a href="?lang=${language}" lang="${language}" hreflang="${language}"${language === lang ? ' aria-current="true"' : ''}>${escapeHtml(strings.languageName(language))}</a>`,
  ).join('');
  const data: VerifyPageData = { lang, verifyUrl, keys: keys.keys.map(({ keyId, publicKey }) => ({ keyId, publicKey })), strings: strings.client };
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('pageTitle'))}</title>
<link rel="stylesheet" href="/verify/verify.css">
</head>
<body>
<main>
<nav aria-label="${escapeHtml(t('language'))}">${languages}</nav>
<h1>${escapeHtml(t('pageTitle'))}</h1>
<p>${escapeHtml(t('intro'))}</p>
<form id="verify-form">
<label for="token">${escapeHtml(t('tokenLabel'))}</label>
<textarea id="token" name="token" spellcheck="false" autocomplete="off" dir="ltr"></textarea>
<div class="actions">
<button type="submit">${escapeHtml(t('check'))}</button>
<button type="button" id="scan">${escapeHtml(t('scan'))}</button>
</div>
</form>
<video id="camera" hidden muted playsinline></video>
<section id="result" aria-live="polite"></section>
</main>
<script type="application/json" id="verify-data">${embeddedJson(data)}</script>
<script src="/verify/verify.js" defer></script>
</body>
</html>
`;
}
