import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatTrackingCode } from '../../src/domain/trackingCode';
import { createCameraQrReader, type CameraQrReaderDeps } from '../../src/ui/lookup/cameraQrReader';
import { currentScreen, renderKiosk, typeInto } from './kioskHarness';

const CODE = formatTrackingCode('KBZ', 42);

function fakeCamera() {
  const tracks = [{ stop: vi.fn() }];
  const stream = { getTracks: () => tracks } as unknown as MediaStream;
  return { tracks, stream, getUserMedia: vi.fn(async () => stream) };
}

function fakeDeps(camera: ReturnType<typeof fakeCamera>, frames: (string | null)[]) {
  let tick: (() => void) | null = null;
  const deps: CameraQrReaderDeps = {
    getUserMedia: camera.getUserMedia,
    decode: () => frames.shift() ?? null,
    grabFrame: () => ({ pixels: new Uint8ClampedArray(4), width: 1, height: 1 }),
    setInterval: (callback) => ((tick = callback), 'timer'),
    clearInterval: () => (tick = null),
  };
  const video = { srcObject: null, play: vi.fn(async () => undefined) } as unknown as HTMLVideoElement;
  return { deps, video, tick: () => tick?.(), ticking: () => tick !== null };
}

describe('reading a receipt QR code through the camera', () => {
  it('asks for the camera only, reads frames until a receipt code appears, then releases the camera', async () => {
    const camera = fakeCamera();
    const rig = fakeDeps(camera, [null, 'https://not-a-receipt.example', CODE.toLowerCase()]);
    const events = { onCode: vi.fn(), onForeignCode: vi.fn(), onUnavailable: vi.fn() };
    const reader = createCameraQrReader(rig.deps, events);
    await reader.start(rig.video);
    expect(camera.getUserMedia).toHaveBeenCalledExactlyOnceWith({ video: { facingMode: 'user' }, audio: false });
    rig.tick();
    rig.tick();
    expect(events.onForeignCode).toHaveBeenCalledTimes(1);
    expect(reader.isOpen()).toBe(true);
    rig.tick();
    expect(events.onCode).toHaveBeenCalledExactlyOnceWith(CODE);
    expect(camera.tracks[0]!.stop).toHaveBeenCalled();
    expect(reader.isOpen()).toBe(false);
    expect(rig.ticking()).toBe(false);
  });

  it('releases a camera that answers after the citizen left', async () => {
    const camera = fakeCamera();
    const rig = fakeDeps(camera, []);
    const reader = createCameraQrReader(rig.deps, { onCode: vi.fn(), onForeignCode: vi.fn(), onUnavailable: vi.fn() });
    const starting = reader.start(rig.video);
    reader.stop();
    await starting;
    expect(camera.tracks[0]!.stop).toHaveBeenCalled();
    expect(reader.isOpen()).toBe(false);
  });

  it('says so when the camera cannot be opened', async () => {
    const rig = fakeDeps(fakeCamera(), []);
    rig.deps.getUserMedia = async () => {
      throw new DOMException('denied', 'NotAllowedError');
    };
    const events = { onCode: vi.fn(), onForeignCode: vi.fn(), onUnavailable: vi.fn() };
    await createCameraQrReader(rig.deps, events).start(rig.video);
    expect(events.onUnavailable).toHaveBeenCalledTimes(1);
  });
});

describe('the status screen and the camera', () => {
  const original = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices');
  afterEach(() => {
    if (original) Object.defineProperty(navigator, 'mediaDevices', original);
    else Reflect.deleteProperty(navigator, 'mediaDevices');
  });

  function installCamera(getUserMedia: () => Promise<MediaStream>) {
    Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia: vi.fn(getUserMedia) } });
    return navigator.mediaDevices.getUserMedia as ReturnType<typeof vi.fn>;
  }

  async function toLookup(kiosk: ReturnType<typeof renderKiosk>) {
    await kiosk.user.click(screen.getByTestId('start'));
    await kiosk.user.click(screen.getByTestId('check-status'));
    expect(currentScreen()).toBe('lookup');
  }

  it('opens the camera only when asked, and releases it when the citizen stops or leaves', async () => {
    const camera = fakeCamera();
    const getUserMedia = installCamera(camera.getUserMedia);
    const kiosk = renderKiosk({ settings: { defaultLocale: 'en' } });
    await toLookup(kiosk);
    expect(getUserMedia).not.toHaveBeenCalled();

    await kiosk.user.click(screen.getByTestId('qr-scan'));
    await waitFor(() => expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'user' }, audio: false }));
    expect(screen.getByTestId('qr-notice').dataset.notice).toBe('hold');
    await kiosk.user.click(screen.getByTestId('qr-stop'));
    expect(camera.tracks[0]!.stop).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('qr-video')).toBeNull();

    await kiosk.user.click(screen.getByTestId('qr-scan'));
    await waitFor(() => expect(getUserMedia).toHaveBeenCalledTimes(2));
    await kiosk.user.click(screen.getByTestId('back'));
    expect(currentScreen()).toBe('home');
    expect(camera.tracks[0]!.stop).toHaveBeenCalledTimes(2);
  });

  it('says when there is no camera, and the code can still be typed', async () => {
    installCamera(async () => {
      throw new DOMException('no camera', 'NotFoundError');
    });
    let looked = '';
    const kiosk = renderKiosk({ settings: { defaultLocale: 'fr' }, lookupStatus: async (input) => ((looked = input.trackingCode), { found: false, reason: 'noMatch' }) });
    await toLookup(kiosk);
    await kiosk.user.click(screen.getByTestId('qr-scan'));
    await waitFor(() => expect(screen.getByTestId('qr-notice').dataset.notice).toBe('noCamera'));
    expect(screen.getByTestId('qr-notice').textContent).toBe('La caméra ne peut pas être utilisée. Tapez le code.');
    await typeInto(kiosk, 'lookup.code', CODE);
    await kiosk.user.click(screen.getByTestId('lookup-submit'));
    await typeInto(kiosk, 'lookup.answer', '34561990');
    await kiosk.user.click(screen.getByTestId('lookup-answer-submit'));
    await waitFor(() => expect(looked).toBe(CODE));
  });
});
