import { RECORDING_PAGE_FRAGMENT } from '../domain/promptRecordings';
import { MicrophoneError, type Microphone, type MicrophoneTake, type OpenMicrophone } from './microphone';

/** What the browser microphone needs of the page; the real `navigator` and `window` satisfy it. */
export interface MediaHost {
  getUserMedia?(constraints: MediaStreamConstraints): Promise<MediaStream>;
  /** Shows in the page's URL that the recording page holds the microphone, or no longer (see RECORDING_PAGE_FRAGMENT). */
  markRecordingPage?(holding: boolean): void;
  MediaRecorder?: typeof MediaRecorder;
  AudioContext?: typeof AudioContext;
}

/** Opus in WebM is what Chromium records; Ogg where a browser offers only that. Both are what the back office accepts. */
const CANDIDATES: readonly { type: string; mime: MicrophoneTake['mime'] }[] = [
  { type: 'audio/webm;codecs=opus', mime: 'audio/webm' },
  { type: 'audio/webm', mime: 'audio/webm' },
  { type: 'audio/ogg;codecs=opus', mime: 'audio/ogg' },
];

function failureOf(error: unknown): MicrophoneError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return new MicrophoneError('denied', 'microphone refused', { cause: error });
  if (name === 'NotFoundError' || name === 'NotReadableError' || name === 'OverconstrainedError') return new MicrophoneError('unavailable', 'no usable microphone', { cause: error });
  return new MicrophoneError('failed', 'microphone failed', { cause: error });
}

/** getUserMedia for sound only (never the camera), MediaRecorder for the take, an analyser for the meter. */
export function createBrowserMicrophone(host: MediaHost): Microphone {
  return {
    async open(): Promise<OpenMicrophone> {
      const Recorder = host.MediaRecorder;
      const format = Recorder && CANDIDATES.find((candidate) => Recorder.isTypeSupported(candidate.type));
      if (!host.getUserMedia || !Recorder || !format) throw new MicrophoneError('unsupported', 'this browser cannot record sound');
      let stream: MediaStream;
      host.markRecordingPage?.(true);
      try {
        stream = await host.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true }, video: false });
      } catch (error) {
        host.markRecordingPage?.(false);
        throw failureOf(error);
      }
      const context = host.AudioContext ? new host.AudioContext() : null;
      const analyser = context?.createAnalyser() ?? null;
      if (context && analyser) context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Uint8Array(analyser?.fftSize ?? 0);
      let recorder: MediaRecorder | null = null;
      let chunks: Blob[] = [];

      return {
        level() {
          if (!analyser) return 0;
          analyser.getByteTimeDomainData(samples);
          let peak = 0;
          for (const sample of samples) peak = Math.max(peak, Math.abs(sample - 128));
          return Math.min(1, peak / 128);
        },
        start() {
          chunks = [];
          recorder = new Recorder(stream, { mimeType: format.type, audioBitsPerSecond: 32_000 });
          recorder.ondataavailable = (event) => {
            if (event.data.size > 0) chunks.push(event.data);
          };
          recorder.start();
        },
        stop() {
          const current = recorder;
          recorder = null;
          if (!current || current.state === 'inactive') return Promise.reject(new MicrophoneError('failed', 'not recording'));
          return new Promise<MicrophoneTake>((resolve) => {
            current.onstop = () => resolve({ audio: new Blob(chunks, { type: format.mime }), mime: format.mime });
            current.stop();
          });
        },
        release() {
          if (recorder && recorder.state !== 'inactive') recorder.stop();
          recorder = null;
          for (const track of stream.getTracks()) track.stop();
          void context?.close().catch(() => undefined);
          host.markRecordingPage?.(false);
        },
      };
    },
  };
}

/** The page's own microphone. */
export function pageMicrophone(): Microphone {
  return createBrowserMicrophone({
    getUserMedia: navigator.mediaDevices?.getUserMedia ? (constraints) => navigator.mediaDevices.getUserMedia(constraints) : undefined,
    MediaRecorder: typeof MediaRecorder === 'undefined' ? undefined : MediaRecorder,
    AudioContext: typeof AudioContext === 'undefined' ? undefined : AudioContext,
    // A same-document change of the URL (no reload, no history entry): Electron's permission
    // handler sees it as the requesting URL.
    markRecordingPage: (holding) => {
      const url = new URL(window.location.href);
      url.hash = holding ? RECORDING_PAGE_FRAGMENT : '';
      window.history.replaceState(window.history.state, '', url.href.replace(/#$/, ''));
    },
  });
}
