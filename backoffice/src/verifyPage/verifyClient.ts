import jsQR from 'jsqr';
import { base64UrlDecode, parseToken, readVerifyResult, type VerifyResult } from '../../../src/domain/certificateTokenFormat';
import type { LocalizedText } from '../../../src/domain/locales';
import { readPageData, readServiceName } from './verifyPageData';

/**
 * The script of the /verify page (bundled for the browser by verifyPage.ts). It asks the back
 * office first (which knows revocations); when the office cannot be reached it checks the
 * signature itself with the public keys embedded in the page (WebCrypto Ed25519), and says so.
 */

const data = readPageData(JSON.parse(document.getElementById('verify-data')?.textContent ?? '{}'));
const say = (key: string): string => data.strings[key] ?? key;

const form = document.getElementById('verify-form') as HTMLFormElement;
const input = document.getElementById('token') as HTMLTextAreaElement;
const output = document.getElementById('result') as HTMLElement;
const scanButton = document.getElementById('scan') as HTMLButtonElement;
const video = document.getElementById('camera') as HTMLVideoElement;

async function checkOffline(token: string, keys: ReadonlyArray<{ keyId: string; publicKey: string }>): Promise<VerifyResult> {
  const parsed = parseToken(token);
  if (!parsed.ok) return { outcome: 'forged', reason: 'malformed' };
  const key = keys.find((k) => k.keyId === parsed.claims.keyId);
  const raw = key ? base64UrlDecode(key.publicKey) : null;
  if (!raw) return { outcome: 'forged', reason: 'unknownKey' };
  const publicKey = await crypto.subtle.importKey('raw', new Uint8Array(raw), { name: 'Ed25519' }, false, ['verify']);
  const genuine = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, new Uint8Array(parsed.signature), new TextEncoder().encode(parsed.signed));
  return genuine ? { outcome: 'valid', claims: parsed.claims, revocationChecked: false } : { outcome: 'forged', reason: 'badSignature' };
}

function row(list: HTMLElement, label: string, value: string, dir?: 'rtl' | 'ltr'): void {
  const term = document.createElement('dt');
  term.textContent = label;
  const detail = document.createElement('dd');
  detail.textContent = value;
  if (dir) detail.dir = dir;
  list.append(term, detail);
}

function show(result: VerifyResult, serviceName: LocalizedText | null, offline: boolean): void {
  output.replaceChildren();
  output.dataset.outcome = result.outcome;
  const banner = document.createElement('p');
  banner.className = 'banner';
  banner.id = 'outcome';
  banner.textContent =
    result.outcome === 'valid' && !result.revocationChecked ? say('outcome.validSignatureOnly') : say(`outcome.${result.outcome}`);
  output.append(banner);
  if (offline) {
    const note = document.createElement('p');
    note.textContent = say('offline');
    output.append(note);
  }
  if (result.outcome === 'forged') {
    const why = document.createElement('p');
    why.textContent = say(`forgedReason.${result.reason}`);
    output.append(why);
    return;
  }
  const intro = document.createElement('p');
  intro.textContent = say('compare');
  const list = document.createElement('dl');
  const { claims } = result;
  const name = serviceName ? (serviceName[data.lang as keyof LocalizedText] ?? serviceName.fr) : claims.serviceId;
  row(list, say('details.number'), claims.number, 'ltr');
  row(list, say('details.service'), name);
  row(list, say('details.holder'), claims.holderName, 'ltr');
  if (claims.holderNameArabic !== '') row(list, say('details.holderArabic'), claims.holderNameArabic, 'rtl');
  row(list, say('details.cin'), claims.holderCin, 'ltr');
  row(list, say('details.office'), claims.officeId, 'ltr');
  row(list, say('details.issuedOn'), claims.issuedOn.split('-').reverse().join('/'), 'ltr');
  if (result.outcome === 'revoked') row(list, say('details.revokedAt'), new Date(result.revokedAt).toLocaleString(data.lang), 'ltr');
  output.append(intro, list);
}

async function check(token: string): Promise<void> {
  output.replaceChildren(say('checking'));
  delete output.dataset.outcome;
  try {
    const answer = await fetch(data.verifyUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    if (!answer.ok) throw new Error(`verify answered ${answer.status}`);
    const body = (await answer.json()) as { result?: unknown; serviceName?: unknown } | null;
    const result = readVerifyResult(body?.result);
    if (!result) throw new Error('verify answered something else than a result');
    show(result, readServiceName(body?.serviceName), false);
  } catch {
    show(await checkOffline(token, data.keys), null, true);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = input.value.trim();
  if (token !== '') void check(token);
});

let stream: MediaStream | null = null;

function stopCamera(): void {
  stream?.getTracks().forEach((track) => track.stop());
  stream = null;
  video.hidden = true;
  scanButton.textContent = say('scan');
}

function scanFrame(canvas: HTMLCanvasElement): void {
  if (!stream) return;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context && video.videoWidth > 0) {
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const code = jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
    if (code?.data) {
      input.value = code.data;
      stopCamera();
      void check(code.data);
      return;
    }
  }
  requestAnimationFrame(() => scanFrame(canvas));
}

scanButton.addEventListener('click', () => {
  if (stream) return stopCamera();
  if (!navigator.mediaDevices?.getUserMedia) {
    output.replaceChildren(say('cameraUnavailable'));
    return;
  }
  navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(
    (camera) => {
      stream = camera;
      video.srcObject = camera;
      video.hidden = false;
      void video.play();
      scanButton.textContent = say('stopScan');
      scanFrame(document.createElement('canvas'));
    },
    () => output.replaceChildren(say('cameraUnavailable')),
  );
});

// A link may carry the token after '#', so a QR holding a URL opens the answer directly.
const fromLink = decodeURIComponent(location.hash.slice(1)).trim();
if (fromLink !== '') {
  input.value = fromLink;
  void check(fromLink);
}
