import { parseReceiptQr, receiptQrPayload } from '../../domain/statusProof';

/** One frame's pixels (RGBA, as a canvas gives them) to the text of the QR code in it, or null. */
export type QrDecoder = (pixels: Uint8ClampedArray, width: number, height: number) => string | null;

export interface CameraQrReaderDeps {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  decode: QrDecoder;
  /** Draws the video's current frame and returns its pixels; null until the video has a frame. */
  grabFrame(video: HTMLVideoElement): { pixels: Uint8ClampedArray; width: number; height: number } | null;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(timer: unknown): void;
}

export interface CameraQrReaderEvents {
  /**
   * A receipt's QR code was read: its tracking code (canonical form) and, on receipts that carry
   * one, the token proving the holder (src/domain/statusProof.ts). The camera is already released.
   */
  onCode(code: string): void;
  /** A QR code was read that is no receipt's: the reader keeps looking. */
  onForeignCode(): void;
  /** The camera could not be opened (refused, absent, busy). */
  onUnavailable(): void;
}

/** Frames examined a second: enough to catch a code held up by hand, light on a cheap tablet. */
const FRAMES_PER_SECOND = 5;

/**
 * Reads a receipt's QR code through the camera. The camera is opened only when `start` is
 * called (the citizen asked for it on the status screen), video only, and released by `stop`,
 * by reading a code, and by whoever unmounts the screen calling `stop`: no stream outlives it.
 */
export function createCameraQrReader(deps: CameraQrReaderDeps, events: CameraQrReaderEvents) {
  let stream: MediaStream | null = null;
  let timer: unknown = null;
  let stopped = false;

  function stop() {
    stopped = true;
    if (timer !== null) deps.clearInterval(timer);
    timer = null;
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
  }

  function scan(video: HTMLVideoElement) {
    const frame = deps.grabFrame(video);
    if (!frame) return;
    const text = deps.decode(frame.pixels, frame.width, frame.height);
    if (text === null) return;
    const receipt = parseReceiptQr(text);
    if (receipt === null) return events.onForeignCode();
    stop();
    events.onCode(receiptQrPayload(receipt.trackingCode, receipt.token));
  }

  async function start(video: HTMLVideoElement) {
    stopped = false;
    try {
      const opened = await deps.getUserMedia({ video: { facingMode: 'user' }, audio: false });
      if (stopped) {
        // The citizen left before the camera answered: release it at once.
        for (const track of opened.getTracks()) track.stop();
        return;
      }
      stream = opened;
    } catch {
      events.onUnavailable();
      return;
    }
    video.srcObject = stream;
    // Some engines answer play() with undefined rather than a promise (jsdom): wrap it.
    void Promise.resolve(video.play()).catch(() => undefined);
    timer = deps.setInterval(() => scan(video), 1000 / FRAMES_PER_SECOND);
  }

  return { start, stop, isOpen: () => stream !== null };
}
