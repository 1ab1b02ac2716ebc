import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { espeakSynthesiser, startStreetVoices, type StreetVoices, type StreetVoiceSynthesiser } from '../../backoffice/src/audio/streetVoices';
import { setOfficeIdentity } from '../../backoffice/src/cli/commands';
import { setOfficeStreets } from '../../backoffice/src/cli/officeStreetsCommands';
import { DATABASE_FILE, startBackoffice } from '../../backoffice/src/server';
import { openSqliteStore } from '../../backoffice/src/store/sqliteStore';
import { harness, type Harness } from './fixtures';

const PATH = '/api/v1/prompt-recordings';
const NAMES = { ar: 'ملحقة', zgh: 'ⵜⴰⵏⵎⵍⵜ', fr: 'Annexe', en: 'Annex' };
const STAFF_TAKE = Buffer.from('OggS a staff member saying the street');
const WITH_ORIGIN = `${PATH}?withOrigin=1`;

let h: Harness;
let voices: StreetVoices | null = null;
afterEach(async () => {
  await voices?.stop();
  voices = null;
  await h?.app.close();
  h?.store.close();
});

interface Listed {
  promptId: string;
  language: string;
  sha256: string;
  origin?: string;
}

const logged: { level: 'info' | 'warn'; line: string }[] = [];
const log = { info: (line: string) => logged.push({ level: 'info', line }), warn: (line: string) => logged.push({ level: 'warn', line }) };

/** The real synthesiser, counting what it was asked to say. */
function countingEspeak(): StreetVoiceSynthesiser & { said: string[] } {
  const real = espeakSynthesiser();
  const said: string[] = [];
  return { said, available: () => real.available(), speak: (voice, text) => (said.push(`${voice}:${text}`), real.speak(voice, text)) };
}

const auditRows = (store: Harness['store']) =>
  (store.db.prepare('SELECT (SELECT COUNT(*) FROM audit_entries) + (SELECT COUNT(*) FROM staff_audit) AS n').get() as { n: number }).n;

describe("the office's street names, synthesised on the back office", () => {
  it('says each street set by the CLI with espeak-ng for the kiosks; a staff take wins, and its deletion brings the synthesised one back', async () => {
    h = await harness();
    const kiosk = await h.enrol('north');
    const list = async (url = WITH_ORIGIN): Promise<Listed[]> => (await h.get(url, kiosk.deviceToken)).json().recordings;
    const synthesiser = countingEspeak();
    voices = startStreetVoices({ store: h.store, log, synthesiser, intervalMs: 50, firstLookMs: 0 });
    await setOfficeIdentity(h.context, 'north', { names: NAMES, logo: null });
    const auditBefore = auditRows(h.store);
    await setOfficeStreets(h.context, 'north', 'Rue Atlas;زنقة الأطلس\nAvenue 2 Mars;شارع 2 مارس\n');

    // The Arabic sign by the Arabic voice, the Latin name by the French one; Tifinagh and English hear these.
    await expect.poll(() => list(), { timeout: 15_000, interval: 100 }).toHaveLength(4);
    const synthesised = await list();
    expect(synthesised.map(({ promptId, language, origin }) => `${promptId}/${language}/${origin}`)).toEqual([
      'street.avenue_C_mars/ar/synthesised',
      'street.avenue_C_mars/fr/synthesised',
      'street.rue_atlas/ar/synthesised',
      'street.rue_atlas/fr/synthesised',
    ]);
    expect(synthesiser.said.sort()).toEqual(['ar:زنقة الأطلس', 'ar:شارع 2 مارس', 'fr-fr:Avenue 2 Mars', 'fr-fr:Rue Atlas']);
    const fetched = (await h.get(`${PATH}/street.rue_atlas/ar`, kiosk.deviceToken)).json();
    const audio = Buffer.from(fetched.audioBase64, 'base64');
    expect(fetched.mime).toBe('audio/ogg');
    expect(audio.subarray(0, 4).toString('latin1')).toBe('OggS');
    expect(createHash('sha256').update(audio).digest('hex')).toBe(synthesised[2]?.sha256);
    // A kiosk of an earlier version asks without the query: the same takes, in the shape it parses.
    expect((await list(PATH)).every((entry) => !('origin' in entry))).toBe(true);
    // Not a staff action: nothing written to any audit log.
    expect(auditRows(h.store)).toBe(auditBefore);

    // Staff record the street: every kiosk now gets their take.
    const upload = await h.post(`${PATH}/street.rue_atlas/ar`, { mime: 'audio/webm', audioBase64: STAFF_TAKE.toString('base64') }, kiosk.deviceToken);
    expect(upload.statusCode).toBe(200);
    expect(upload.json()).not.toHaveProperty('origin');
    const staffSha = createHash('sha256').update(STAFF_TAKE).digest('hex');
    expect((await list()).find((entry) => entry.promptId === 'street.rue_atlas' && entry.language === 'ar')).toMatchObject({ origin: 'staff', sha256: staffSha });

    // The worker keeps looking, and never makes that take again over the staff one.
    const saidBefore = synthesiser.said.length;
    await setOfficeStreets(h.context, 'north', 'Rue Atlas;زنقة الأطلس\nAvenue 2 Mars;شارع 2 مارس\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(synthesiser.said).toHaveLength(saidBefore);
    expect((await list()).find((entry) => entry.promptId === 'street.rue_atlas' && entry.language === 'ar')?.origin).toBe('staff');

    // Staff delete their take: the synthesised one is back, with its own SHA-256, so kiosks fetch it again.
    const removed = await h.app.inject({ method: 'DELETE', url: `${PATH}/street.rue_atlas/ar`, headers: { authorization: `Bearer ${kiosk.deviceToken}` } });
    expect(removed.json()).toEqual({ deleted: true });
    expect((await list()).find((entry) => entry.promptId === 'street.rue_atlas' && entry.language === 'ar')).toEqual(synthesised[2]);
  }, 30_000);

  it('says a renamed street again, drops the takes of a street that left the list, and makes only what is missing after a restart', async () => {
    h = await harness();
    const kiosk = await h.enrol('north');
    const said: string[] = [];
    const fake: StreetVoiceSynthesiser = { available: async () => true, speak: async (voice, text) => (said.push(`${voice}:${text}`), Buffer.from(`OggS ${voice} ${text}`)) };
    await setOfficeIdentity(h.context, 'north', { names: NAMES, logo: null, streets: [{ latin: 'Rue Atlas', ar: 'زنقة الأطلس' }, { latin: 'Rue Anoual', ar: 'زنقة أنوال' }] });
    voices = startStreetVoices({ store: h.store, log, synthesiser: fake, intervalMs: 20, firstLookMs: 0 });
    await expect.poll(() => said.length, { timeout: 5_000 }).toBe(4);
    await voices.stop();

    // A restart (a new worker): nothing is missing, nothing is said.
    voices = startStreetVoices({ store: h.store, log, synthesiser: fake, intervalMs: 20, firstLookMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(said).toHaveLength(4);

    await setOfficeStreets(h.context, 'north', 'Rue Atlas;زنقة جبل الأطلس\n');
    await expect.poll(() => said.length, { timeout: 5_000 }).toBe(5);
    expect(said[4]).toBe('ar:زنقة جبل الأطلس');
    await expect
      .poll(async () => ((await h.get(WITH_ORIGIN, kiosk.deviceToken)).json().recordings as Listed[]).map((entry) => `${entry.promptId}/${entry.language}`))
      .toEqual(['street.rue_atlas/ar', 'street.rue_atlas/fr']);
  });

  it('tries a failed synthesis again at the next look, and goes on with the other streets meanwhile', async () => {
    h = await harness();
    let failures = 1;
    const flaky: StreetVoiceSynthesiser = {
      available: async () => true,
      speak: async (voice, text) => {
        if (voice === 'ar' && failures > 0) {
          failures -= 1;
          throw new Error('espeak-ng timed out');
        }
        return Buffer.from(`OggS ${text}`);
      },
    };
    await setOfficeIdentity(h.context, 'north', { names: NAMES, logo: null, streets: [{ latin: 'Rue Atlas', ar: 'زنقة الأطلس' }] });
    logged.length = 0;
    voices = startStreetVoices({ store: h.store, log, synthesiser: flaky, intervalMs: 20, firstLookMs: 0 });
    await expect.poll(async () => (await h.store.listSynthesisedPromptSources('north')).map((take) => take.language), { timeout: 5_000 }).toEqual(['ar', 'fr']);
    expect(logged.filter((entry) => entry.level === 'warn').map((entry) => entry.line)).toEqual([expect.stringContaining('1 could not be synthesised')]);
  });

  it('without espeak-ng, synthesises nothing and says so in the log once', async () => {
    h = await harness();
    const kiosk = await h.enrol('north');
    let spoken = 0;
    const absent: StreetVoiceSynthesiser = { available: async () => false, speak: async () => (spoken++, Buffer.from('OggS')) };
    await setOfficeIdentity(h.context, 'north', { names: NAMES, logo: null, streets: [{ latin: 'Rue Atlas', ar: 'زنقة الأطلس' }] });
    logged.length = 0;
    voices = startStreetVoices({ store: h.store, log, synthesiser: absent, intervalMs: 20, firstLookMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(spoken).toBe(0);
    expect((await h.get(PATH, kiosk.deviceToken)).json()).toEqual({ recordings: [] });
    expect(logged).toEqual([{ level: 'warn', line: expect.stringContaining('espeak-ng or sox is not installed') }]);
  });

  it('runs in a started back office when asked, and stops with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shubbak-street-voices-'));
    try {
      const seeded = openSqliteStore(join(dir, DATABASE_FILE));
      await seeded.createOffice({ id: 'north', name: 'North', createdAt: 't' });
      await seeded.setOfficeIdentity('north', { names: NAMES, logo: null, streets: [{ latin: 'Rue Atlas', ar: 'زنقة الأطلس' }] }, 't');
      seeded.close();
      const fake: StreetVoiceSynthesiser = { available: async () => true, speak: async (_voice, text) => Buffer.from(`OggS ${text}`) };
      const server = await startBackoffice({ dataDir: dir, port: 0, host: '127.0.0.1', streetVoices: { synthesiser: fake, firstLookMs: 0, intervalMs: 20 } });
      const check = openSqliteStore(join(dir, DATABASE_FILE));
      try {
        await expect.poll(async () => (await check.listSynthesisedPromptSources('north')).length, { timeout: 5_000 }).toBe(2);
      } finally {
        check.close();
        await server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
