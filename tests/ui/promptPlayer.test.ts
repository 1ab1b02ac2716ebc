import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { playPrompt, stopPrompt } from '../../src/ui/audio/promptPlayer';

beforeAll(() => {
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(() => Promise.resolve());
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
});
afterAll(() => vi.restoreAllMocks());

describe('the prompt player', () => {
  it('plays a prompt of the manifest from its shipped file', () => {
    const audio = document.createElement('audio');
    expect(playPrompt(audio, 'choice.yes', 'fr')).toBe('loading');
    expect(audio.getAttribute('src')).toMatch(/choice\.yes.*\.ogg$/);
    expect(audio.dataset).toMatchObject({ prompt: 'choice.yes', promptLanguage: 'fr', promptOrigin: 'synthesised' });
  });

  it('says nothing that is not a prompt of the manifest: no text, no name, no number typed by a citizen', () => {
    const audio = document.createElement('audio');
    for (const personal of ['AB123456', 'Fatima El Amrani', '0612345678']) {
      expect(playPrompt(audio, personal, 'fr')).toBe('silent');
      expect(audio.getAttribute('src')).toBeNull();
    }
  });

  it('stops and forgets the source', () => {
    const audio = document.createElement('audio');
    playPrompt(audio, 'choice.no', 'ar');
    stopPrompt(audio);
    expect(audio.getAttribute('src')).toBeNull();
    expect(audio.dataset.state).toBe('stopped');
  });
});
