import { describe, expect, it } from 'vitest';
import { refuseDownloads } from '../../electron/downloads';
import { FakeEmitter, preventableEvent } from './fakes/emitter';

describe('downloads refused', () => {
  it("cancels the session's will-download before a save dialog can open", () => {
    const session = new FakeEmitter();
    refuseDownloads(session);
    const download = preventableEvent();
    session.emit('will-download', download, { getFilename: () => 'invoice.pdf' });
    expect(download.defaultPrevented).toBe(true);
  });
});
