import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../components/Pictogram';
import { TouchButton } from '../components/TouchButton';
import { createCameraQrReader, type CameraQrReaderDeps } from './cameraQrReader';
import './receiptQrScanner.css';

function grabFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement) {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) return null;
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  return { pixels: context.getImageData(0, 0, width, height).data, width, height };
}

function browserCameraDeps(canvas: HTMLCanvasElement): CameraQrReaderDeps {
  return {
    getUserMedia: (constraints) => navigator.mediaDevices.getUserMedia(constraints),
    decode: (pixels, width, height) => jsQR(pixels, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null,
    grabFrame: (video) => grabFrame(video, canvas),
    setInterval: (callback, ms) => window.setInterval(callback, ms),
    clearInterval: (timer) => window.clearInterval(timer as number),
  };
}

type ScannerNotice = 'hold' | 'notReceipt' | 'noCamera';

/**
 * The camera view of the status screen, loaded on demand with jsQR. Mounted when the citizen asks
 * for it; unmounting (stop, another screen, a reset) releases the camera.
 */
export default function ReceiptQrScanner({ onCode, onClose }: { onCode(code: string): void; onClose(): void }) {
  const { t } = useTranslation('reading');
  const video = useRef<HTMLVideoElement>(null);
  const [notice, setNotice] = useState<ScannerNotice>('hold');
  const events = useRef({ onCode, onClose });
  useEffect(() => {
    events.current = { onCode, onClose };
  });

  useEffect(() => {
    const canvas = document.createElement('canvas');
    const reader = createCameraQrReader(browserCameraDeps(canvas), {
      onCode: (code) => events.current.onCode(code),
      onForeignCode: () => setNotice('notReceipt'),
      onUnavailable: () => setNotice('noCamera'),
    });
    if (video.current) void reader.start(video.current);
    return () => reader.stop();
  }, []);

  return (
    <div className="qr-scanner" data-testid="qr-scanner">
      <video ref={video} className="qr-scanner__video" muted playsInline aria-hidden="true" data-testid="qr-video" />
      <p className={notice === 'hold' ? 'notice' : 'notice notice--error'} role={notice === 'hold' ? 'status' : 'alert'} data-testid="qr-notice" data-notice={notice}>
        {t(`qr.${notice}`)}
      </p>
      <TouchButton variant="secondary" testId="qr-stop" onClick={onClose}>
        <Pictogram name="no" size={40} />
        {t('qr.stop')}
      </TouchButton>
    </div>
  );
}
