import { describe, expect, it, vi } from 'vitest';
import { createInstallationId, type InstallationIdFiles } from '../../electron/installationId';

function memoryFiles(initial: Record<string, string> = {}) {
  const stored = new Map(Object.entries(initial));
  const files: InstallationIdFiles = {
    readFile: vi.fn(async (file: string) => {
      const text = stored.get(file);
      if (text === undefined) throw new Error('ENOENT');
      return text;
    }),
    writeFile: vi.fn(async (file: string, data: string) => {
      if (stored.has(file)) throw new Error('EEXIST');
      stored.set(file, data);
    }),
    mkdir: vi.fn(async () => undefined),
  };
  return { files, stored };
}

const FIRST = '0190a0b1-7c2d-4e3f-8a4b-5c6d7e8f9a0b';
const SECOND = '11111111-2222-4333-8444-555555555555';

describe('installation id', () => {
  it('makes a random id on first start and keeps it across restarts', async () => {
    const { files } = memoryFiles();
    expect(await createInstallationId(files, '/data', () => FIRST)()).toBe(FIRST);
    expect(await createInstallationId(files, '/data', () => SECOND)()).toBe(FIRST);
  });

  it('replaces a corrupted file content rather than trusting it', async () => {
    const { files } = memoryFiles({ '/data/installation-id': 'not an id' });
    const id = await createInstallationId(files, '/data', () => SECOND)();
    expect(id).toBe(SECOND);
  });
});
