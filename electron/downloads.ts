/** The part of `session` that announces downloads (a real Session satisfies it). */
export interface DownloadingSession {
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown;
}

/** Cancels every download before Chromium can open a save dialog onto the file system. */
export function refuseDownloads(session: DownloadingSession): void {
  session.on('will-download', (event) => event.preventDefault());
}
