import path from 'node:path';

export interface InstallationIdFiles {
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  writeFile(file: string, data: string, options: { encoding: 'utf8'; flag: 'wx' }): Promise<void>;
  mkdir(directory: string, options: { recursive: true }): Promise<unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A random id made on first start and kept in `<userData>/installation-id`; it names this
 * installation, not the back office's device (that id arrives with enrolment). Memoised, and
 * written with `wx` so two racing first starts cannot leave two ids.
 */
export function createInstallationId(files: InstallationIdFiles, userData: string, randomUUID: () => string): () => Promise<string> {
  const file = path.join(userData, 'installation-id');
  let id: Promise<string> | undefined;
  const readExisting = async (): Promise<string | null> => {
    const text = await files.readFile(file, 'utf8').catch(() => null);
    return text !== null && UUID.test(text.trim()) ? text.trim() : null;
  };
  const loadOrCreate = async (): Promise<string> => {
    const existing = await readExisting();
    if (existing !== null) return existing;
    const fresh = randomUUID();
    await files.mkdir(userData, { recursive: true });
    const written = await files.writeFile(file, fresh, { encoding: 'utf8', flag: 'wx' }).then(() => true, () => false);
    return written ? fresh : ((await readExisting()) ?? fresh);
  };
  return () => {
    id ??= loadOrCreate();
    return id;
  };
}
