// The Announcer's speech logic with a fake speech engine (headless Chromium cannot speak), and
// the Indonesian number words it reads.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  callSentence,
  callSentenceEnglish,
  counterToWords,
  numberToWords,
  SpeechAnnouncer,
  ticketToWords,
} from '../src/index.js';

class FakeUtterance {
  lang = '';
  rate = 1;
  voice: SpeechSynthesisVoice | null = null;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}

class FakeSynth {
  voices: SpeechSynthesisVoice[] = [];
  spoken: FakeUtterance[] = [];
  cancelled = 0;
  listeners = new Set<() => void>();
  speak(utterance: SpeechSynthesisUtterance) {
    this.spoken.push(utterance as unknown as FakeUtterance);
  }
  cancel() {
    this.cancelled += 1;
  }
  getVoices() {
    return this.voices;
  }
  addEventListener(_: 'voiceschanged', listener: () => void) {
    this.listeners.add(listener);
  }
  removeEventListener(_: 'voiceschanged', listener: () => void) {
    this.listeners.delete(listener);
  }
  loadVoices(voices: Array<{ name: string; lang: string }>) {
    this.voices = voices as SpeechSynthesisVoice[];
    for (const listener of this.listeners) listener();
  }
  finishCurrent() {
    this.spoken.at(-1)?.onend?.();
  }
}

function setup(options: { maxPending?: number; watchdogMs?: number } = {}) {
  const synth = new FakeSynth();
  const announcer = new SpeechAnnouncer({
    synth,
    createUtterance: (text) => new FakeUtterance(text) as unknown as SpeechSynthesisUtterance,
    ...options,
  });
  return { synth, announcer };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SpeechAnnouncer', () => {
  it('speaks nothing before activation, then what was waiting (activation gate)', () => {
    const { synth, announcer } = setup();
    announcer.announce('Nomor antrean A nol satu, silakan ke loket satu');
    expect(synth.spoken).toHaveLength(0);
    expect(announcer.pending).toHaveLength(1);
    announcer.activate();
    expect(synth.spoken.map((u) => u.text)).toEqual([
      'Nomor antrean A nol satu, silakan ke loket satu',
    ]);
  });

  it('sets lang id-ID on every utterance', () => {
    const { synth, announcer } = setup();
    announcer.activate();
    announcer.announce('satu');
    expect(synth.spoken[0]?.lang).toBe('id-ID');
  });

  it('chooses an id-ID voice once the browser lists voices', () => {
    const { synth, announcer } = setup();
    expect(announcer.voice).toBeNull();
    synth.loadVoices([
      { name: 'Google US English', lang: 'en-US' },
      { name: 'Google Bahasa Indonesia', lang: 'id-ID' },
    ]);
    expect(announcer.voice?.name).toBe('Google Bahasa Indonesia');
    announcer.activate();
    announcer.announce('dua');
    expect(synth.spoken[0]?.voice?.name).toBe('Google Bahasa Indonesia');
  });

  it('accepts id_ID and bare id voices', () => {
    const { synth, announcer } = setup();
    synth.loadVoices([{ name: 'Damayanti', lang: 'id_ID' }]);
    expect(announcer.voice?.name).toBe('Damayanti');
    synth.loadVoices([{ name: 'Indonesian', lang: 'id' }]);
    expect(announcer.voice?.name).toBe('Indonesian');
  });

  it('falls back to the default voice (no voice set, lang still id-ID) when none is Indonesian', () => {
    const { synth, announcer } = setup();
    synth.loadVoices([{ name: 'Google US English', lang: 'en-US' }]);
    expect(announcer.voice).toBeNull();
    announcer.activate();
    announcer.announce('tiga');
    expect(synth.spoken[0]?.voice).toBeNull();
    expect(synth.spoken[0]?.lang).toBe('id-ID');
  });

  it('queues: the next message starts only after the previous one ends, none lost', () => {
    const { synth, announcer } = setup();
    announcer.activate();
    announcer.announce('satu');
    announcer.announce('dua');
    announcer.announce('dua');
    expect(synth.spoken.map((u) => u.text)).toEqual(['satu']);
    synth.finishCurrent();
    expect(synth.spoken.map((u) => u.text)).toEqual(['satu', 'dua']);
    synth.finishCurrent();
    synth.finishCurrent();
    expect(synth.spoken.map((u) => u.text)).toEqual(['satu', 'dua', 'dua']);
    expect(synth.cancelled).toBe(0);
  });

  it('moves on after an error or when the engine never reports the end', () => {
    vi.useFakeTimers();
    const { synth, announcer } = setup({ watchdogMs: 1000 });
    announcer.activate();
    announcer.announce('satu');
    announcer.announce('dua');
    announcer.announce('tiga');
    synth.spoken[0]?.onerror?.();
    expect(synth.spoken).toHaveLength(2);
    vi.advanceTimersByTime(1000);
    expect(synth.spoken.map((u) => u.text)).toEqual(['satu', 'dua', 'tiga']);
  });

  it("speaks each message in its own language, with that language's voice, in turn", () => {
    const { synth, announcer } = setup();
    synth.loadVoices([
      { name: 'Google US English', lang: 'en-US' },
      { name: 'Google Bahasa Indonesia', lang: 'id-ID' },
    ]);
    announcer.activate();
    announcer.announce('Nomor antrean A nol satu, silakan ke loket satu');
    announcer.announce('Ticket A zero zero one, please go to counter 1', 'en-US');
    expect(synth.spoken).toHaveLength(1);
    synth.finishCurrent();
    expect(synth.spoken.map((u) => [u.lang, u.voice?.name])).toEqual([
      ['id-ID', 'Google Bahasa Indonesia'],
      ['en-US', 'Google US English'],
    ]);
    expect(announcer.voiceFor('en-GB')?.name).toBe('Google US English');
    expect(synth.cancelled).toBe(0);
  });

  it('keeps only the newest messages while inactive', () => {
    const { synth, announcer } = setup({ maxPending: 2 });
    for (const text of ['a', 'b', 'c']) announcer.announce(text);
    announcer.activate();
    synth.finishCurrent();
    expect(synth.spoken.map((u) => u.text)).toEqual(['b', 'c']);
  });

  it('stops listening and cancels on dispose', () => {
    const { synth, announcer } = setup();
    announcer.dispose();
    expect(synth.listeners.size).toBe(0);
    expect(synth.cancelled).toBe(1);
  });
});

describe('Indonesian number words', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [2020, 'dua ribu dua puluh'],
    [9999, 'sembilan ribu sembilan ratus sembilan puluh sembilan'],
  ])('%i → %s', (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  it('reads every number 0–9999 without "satu ratus/ribu/puluh" or doubled spaces, all distinct', () => {
    const seen = new Set<string>();
    for (let n = 0; n <= 9999; n += 1) {
      const words = numberToWords(n);
      expect(words).not.toMatch(/satu (ratus|ribu|puluh|belas)| {2}|^ | $/);
      expect(n === 0 || !words.includes('nol')).toBe(true);
      seen.add(words);
    }
    expect(seen.size).toBe(10000);
  });

  it('rejects numbers outside 0–9999 with a bilingual message', () => {
    expect(() => numberToWords(10000)).toThrow(/0–9999/);
    expect(() => numberToWords(-1)).toThrow(/bilangan bulat/);
    expect(() => numberToWords(1.5)).toThrow(RangeError);
  });

  it('reads tickets with leading zeros as "nol"', () => {
    expect(ticketToWords('A012')).toBe('A nol dua belas');
    expect(ticketToWords('B100')).toBe('B seratus');
    expect(ticketToWords('c007')).toBe('C nol nol tujuh');
    expect(ticketToWords('A000')).toBe('A nol nol nol');
    expect(ticketToWords('PK-1')).toBe('P K satu');
    expect(() => ticketToWords('A12345')).toThrow(/tidak dikenali/);
  });

  it('keeps every digit of a ticket: the words name the same number', () => {
    const value: Record<string, number> = {
      nol: 0,
      satu: 1,
      dua: 2,
      tiga: 3,
      empat: 4,
      lima: 5,
      enam: 6,
      tujuh: 7,
      delapan: 8,
      sembilan: 9,
    };
    // Parse the words back, as a listener would.
    const parse = (words: string): number => {
      let total = 0;
      let current = 0;
      for (const word of words.split(' ')) {
        if (word === 'seribu') total += 1000;
        else if (word === 'seratus') total += 100;
        else if (word === 'sepuluh') current += 10;
        else if (word === 'sebelas') current += 11;
        else if (word === 'ribu') {
          total += current * 1000;
          current = 0;
        } else if (word === 'ratus') {
          total += current * 100;
          current = 0;
        } else if (word === 'puluh') current *= 10;
        else if (word === 'belas') current += 10;
        else current += value[word] as number;
      }
      return total + current;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (n) => {
        expect(parse(numberToWords(n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('builds the English call sentence digit by digit', () => {
    expect(callSentenceEnglish('A012', 3)).toBe('Ticket A zero one two, please go to counter 3');
    expect(callSentenceEnglish('PK-100', '12')).toBe(
      'Ticket P K one zero zero, please go to counter 12',
    );
  });

  it('builds the call sentence', () => {
    expect(callSentence('A012', 3)).toBe('Nomor antrean A nol dua belas, silakan ke loket tiga');
    expect(counterToWords('Prioritas')).toBe('Prioritas');
  });
});
