/**
 * The parts of the Web Speech API the announcer uses, so tests can pass a fake and
 * environments without speech (headless Chrome, old TVs) are handled.
 */
export interface SpeechSynthesisLike {
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  getVoices(): SpeechSynthesisVoice[];
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

/** Creates an utterance; `SpeechSynthesisUtterance` in browsers. */
export type UtteranceFactory = (text: string) => SpeechSynthesisUtterance;

export interface SpeechAnnouncerOptions {
  synth: SpeechSynthesisLike;
  createUtterance: UtteranceFactory;
  /** BCP 47 language of every utterance. Default `id-ID`. */
  lang?: string;
  /** Speaking rate; slightly slow helps in a noisy hall. Default 0.9. */
  rate?: number;
  /** Longest wait for an utterance's `end` before moving on, in ms (some engines never fire it). */
  watchdogMs?: number;
  /** Messages kept while sound is not yet activated; older ones are dropped. Default 5. */
  maxPending?: number;
}

/**
 * Speaks announcements one after another in Indonesian. Browsers only speak after a user
 * gesture, so nothing is spoken until `activate()` is called from one (the "Aktifkan suara"
 * button); messages that arrive before are kept (the newest `maxPending`) and spoken then.
 * Each message waits for the previous one to end, so none is cut off. The voice is the first
 * `id-ID` voice once the browser has listed its voices (`voiceschanged`); with none, the
 * browser's default voice speaks with `lang` still set to `id-ID`.
 */
export class SpeechAnnouncer {
  readonly #synth: SpeechSynthesisLike;
  readonly #create: UtteranceFactory;
  readonly #lang: string;
  readonly #rate: number;
  readonly #watchdogMs: number;
  readonly #maxPending: number;
  readonly #queue: string[] = [];
  #voice: SpeechSynthesisVoice | null = null;
  #active = false;
  #speaking = false;
  #watchdog: ReturnType<typeof setTimeout> | undefined;

  constructor(options: SpeechAnnouncerOptions) {
    this.#synth = options.synth;
    this.#create = options.createUtterance;
    this.#lang = options.lang ?? 'id-ID';
    this.#rate = options.rate ?? 0.9;
    this.#watchdogMs = options.watchdogMs ?? 15000;
    this.#maxPending = options.maxPending ?? 5;
    this.#pickVoice();
    this.#synth.addEventListener('voiceschanged', this.#pickVoice);
  }

  /** Whether `activate()` has been called. */
  get active(): boolean {
    return this.#active;
  }

  /** The chosen voice, or `null` when the default voice is used. */
  get voice(): SpeechSynthesisVoice | null {
    return this.#voice;
  }

  /** Messages waiting to be spoken (including before activation). */
  get pending(): readonly string[] {
    return this.#queue;
  }

  /** Call from a click or key press: unlocks speech and speaks what is waiting. */
  activate(): void {
    this.#active = true;
    this.#next();
  }

  /** Adds a message to the queue. */
  announce(text: string): void {
    this.#queue.push(text);
    if (!this.#active) {
      while (this.#queue.length > this.#maxPending) this.#queue.shift();
      return;
    }
    this.#next();
  }

  /** Stops listening for voices and silences the engine. */
  dispose(): void {
    this.#synth.removeEventListener('voiceschanged', this.#pickVoice);
    clearTimeout(this.#watchdog);
    this.#queue.length = 0;
    this.#synth.cancel();
  }

  #pickVoice = (): void => {
    const voices = this.#synth.getVoices();
    const wanted = this.#lang.toLowerCase();
    const base = wanted.split('-')[0];
    this.#voice =
      voices.find((voice) => voice.lang.replace('_', '-').toLowerCase() === wanted) ??
      voices.find((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === base) ??
      null;
  };

  #next(): void {
    if (!this.#active || this.#speaking) return;
    const text = this.#queue.shift();
    if (text === undefined) return;
    this.#speaking = true;
    const utterance = this.#create(text);
    utterance.lang = this.#lang;
    utterance.rate = this.#rate;
    if (this.#voice) utterance.voice = this.#voice;
    const done = () => {
      if (!this.#speaking) return;
      clearTimeout(this.#watchdog);
      this.#speaking = false;
      this.#next();
    };
    utterance.onend = done;
    utterance.onerror = done;
    this.#watchdog = setTimeout(done, this.#watchdogMs);
    this.#synth.speak(utterance);
  }
}
