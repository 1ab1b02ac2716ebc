import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { setOfficeIdentity } from '../../backoffice/src/cli/commands';
import { harness, NOW, type Harness } from './fixtures';

let h: Harness;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
});

const PATH = '/api/v1/prompt-recordings';
// A few bytes stand for the audio: the back office stores and returns them as they came.
const AUDIO = Buffer.from('OggS fake opus bytes of a staff recording');

describe("an office's own prompt recordings", () => {
  it('stores a recording uploaded from a kiosk and lists it for every kiosk of the office', async () => {
    h = await harness();
    const recorder = await h.enrol();
    const other = await h.enrol();
    const upload = await h.post(`${PATH}/screen.home/zgh`, { mime: 'audio/webm', audioBase64: AUDIO.toString('base64') }, recorder.deviceToken);
    expect(upload.statusCode).toBe(200);
    const sha256 = createHash('sha256').update(AUDIO).digest('hex');
    const summary = { promptId: 'screen.home', language: 'zgh', mime: 'audio/webm', sha256, recordedAt: NOW.toISOString() };
    expect(upload.json()).toEqual(summary);
    expect((await h.get(PATH, other.deviceToken)).json()).toEqual({ recordings: [summary] });
    const fetched = (await h.get(`${PATH}/screen.home/zgh`, other.deviceToken)).json();
    expect(Buffer.from(fetched.audioBase64, 'base64')).toEqual(AUDIO);
  });

  it('replaces a prompt recorded again, keeping one per prompt and language', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    await h.post(`${PATH}/choice.yes/ar`, { mime: 'audio/webm', audioBase64: AUDIO.toString('base64') }, kiosk.deviceToken);
    const again = Buffer.from('a better take');
    await h.post(`${PATH}/choice.yes/ar`, { mime: 'audio/ogg', audioBase64: again.toString('base64') }, kiosk.deviceToken);
    const { recordings } = (await h.get(PATH, kiosk.deviceToken)).json();
    expect(recordings).toHaveLength(1);
    expect(recordings[0]).toMatchObject({ mime: 'audio/ogg', sha256: createHash('sha256').update(again).digest('hex') });
  });

  it("keeps each office's recordings apart: another office's kiosk neither lists nor fetches them", async () => {
    h = await harness();
    const north = await h.enrol('north');
    const south = await h.enrol('south');
    await h.post(`${PATH}/screen.home/ar`, { mime: 'audio/webm', audioBase64: AUDIO.toString('base64') }, north.deviceToken);
    expect((await h.get(PATH, south.deviceToken)).json()).toEqual({ recordings: [] });
    expect((await h.get(`${PATH}/screen.home/ar`, south.deviceToken)).statusCode).toBe(404);
  });

  it.each([
    ['an unknown language', `${PATH}/screen.home/de`, { mime: 'audio/webm', audioBase64: AUDIO.toString('base64') }],
    ['a malformed prompt id', `${PATH}/..%2Fetc/ar`, { mime: 'audio/webm', audioBase64: AUDIO.toString('base64') }],
    ['a type that is not audio', `${PATH}/screen.home/ar`, { mime: 'text/html', audioBase64: AUDIO.toString('base64') }],
    ['audio that is not base64', `${PATH}/screen.home/ar`, { mime: 'audio/webm', audioBase64: '<script>' }],
  ])('refuses %s', async (_label, url, body) => {
    h = await harness();
    const kiosk = await h.enrol();
    expect((await h.post(url, body, kiosk.deviceToken)).statusCode).toBe(400);
    expect((await h.get(PATH, kiosk.deviceToken)).json()).toEqual({ recordings: [] });
  });

  it("deletes the office's recording for every kiosk of the office, and a second delete answers false", async () => {
    h = await harness();
    const recorder = await h.enrol('north');
    const other = await h.enrol('north');
    const south = await h.enrol('south');
    await h.post(`${PATH}/screen.home/zgh`, { mime: 'audio/webm', audioBase64: AUDIO.toString('base64') }, recorder.deviceToken);
    await h.post(`${PATH}/screen.home/zgh`, { mime: 'audio/webm', audioBase64: AUDIO.toString('base64') }, south.deviceToken);
    const remove = (token: string) => h.app.inject({ method: 'DELETE', url: `${PATH}/screen.home/zgh`, headers: { authorization: `Bearer ${token}` } });
    const first = await remove(other.deviceToken);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ deleted: true });
    expect((await remove(recorder.deviceToken)).json()).toEqual({ deleted: false });
    expect((await h.get(PATH, recorder.deviceToken)).json()).toEqual({ recordings: [] });
    expect((await h.get(PATH, south.deviceToken)).json().recordings).toHaveLength(1);
    expect((await h.app.inject({ method: 'DELETE', url: `${PATH}/screen.home/de`, headers: { authorization: `Bearer ${other.deviceToken}` } })).statusCode).toBe(400);
    expect((await h.app.inject({ method: 'DELETE', url: `${PATH}/screen.home/zgh` })).statusCode).toBe(401);
  });

  it("stores a street's name only for a street of the office's own list", async () => {
    h = await harness();
    const north = await h.enrol('north');
    const south = await h.enrol('south');
    const names = { ar: 'ملحقة', zgh: 'ⵜⴰⵏⵎⵍⵜ', fr: 'Annexe', en: 'Annex' };
    await setOfficeIdentity(h.context, 'north', { names, logo: null, streets: [{ latin: 'Rue Atlas', ar: 'زنقة الأطلس' }] });
    const body = { mime: 'audio/webm', audioBase64: AUDIO.toString('base64') };
    const atlas = await h.post(`${PATH}/street.rue_atlas/ar`, body, north.deviceToken);
    expect(atlas.statusCode).toBe(200);
    expect(atlas.json()).toMatchObject({ promptId: 'street.rue_atlas', language: 'ar' });
    // A street the office does not have, and a street of the office for another office's kiosk.
    const unknown = await h.post(`${PATH}/street.rue_anoual/ar`, body, north.deviceToken);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('unknown_street');
    expect((await h.post(`${PATH}/street.rue_atlas/ar`, body, south.deviceToken)).json().error.code).toBe('unknown_street');
    expect((await h.get(PATH, north.deviceToken)).json().recordings.map((r: { promptId: string }) => r.promptId)).toEqual(['street.rue_atlas']);
    expect((await h.get(PATH, south.deviceToken)).json()).toEqual({ recordings: [] });
    // A street recording outlives nothing it should not: deleting it works like any prompt's.
    const remove = await h.app.inject({ method: 'DELETE', url: `${PATH}/street.rue_atlas/ar`, headers: { authorization: `Bearer ${north.deviceToken}` } });
    expect(remove.json()).toEqual({ deleted: true });
  });

  it.each([
    ['a street key with a digit', 'street.avenue_2_mars'],
    ['a street key starting with a capital', 'street.Rue_Atlas'],
    ['a street key that is too long', `street.${'a'.repeat(49)}`],
    ['a prompt id that is too long', `screen.${'a'.repeat(70)}`],
  ])('refuses %s before looking at the street list', async (_label, promptId) => {
    h = await harness();
    const kiosk = await h.enrol();
    const answer = await h.post(`${PATH}/${promptId}/ar`, { mime: 'audio/webm', audioBase64: AUDIO.toString('base64') }, kiosk.deviceToken);
    expect(answer.statusCode).toBe(400);
  });

  it('answers only enrolled kiosks', async () => {
    h = await harness();
    expect((await h.get(PATH)).statusCode).toBe(401);
    expect((await h.post(`${PATH}/screen.home/ar`, { mime: 'audio/webm', audioBase64: AUDIO.toString('base64') })).statusCode).toBe(401);
  });
});
