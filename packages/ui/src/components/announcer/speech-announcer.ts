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
  /** BCP 47 language of messages announced without one. Default `id-ID`. */
  lang?: string;
  /** Speaking rate; slightly slow helps in a noisy hall. Default 0.9. */
  rate?: number;
  /** Longest wait for an utterance's `end` before moving on, in ms (some engines never fire it). */
  watchdogMs?: number;
  /** Messages kept while sound is not yet activated; older ones are dropped. Default 5. */
  maxPending?: number;
}

/** A message waiting to be spoken, in its language. */
interface Message {
  text: string;
  lang: string;
}

/**
 * Speaks announcements one after another, in Indonesian unless a message names another
 * language. Browsers only speak after a user gesture, so nothing is spoken until `activate()`
 * is called from one (the "Aktifkan suara" button); messages that arrive before are kept (the
 * newest `maxPending`) and spoken then. Each message waits for the previous one to end, so none
 * is cut off. Each message's voice is the first voice of its language once the browser has
 * listed its voices (`voiceschanged`); with none, the browser's default voice speaks with the
 * utterance's `lang` still set.
 */
export class SpeechAnnouncer {
  readonly #synth: SpeechSynthesisLike;
  readonly #create: UtteranceFactory;
  readonly #lang: string;
  readonly #rate: number;
  readonly #watchdogMs: number;
  readonly #maxPending: number;
  readonly #queue: Message[] = [];
  #voices: SpeechSynthesisVoice[] = [];
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

  /** The voice chosen for the default language, or `null` when the default voice is used. */
  get voice(): SpeechSynthesisVoice | null {
    return this.voiceFor(this.#lang);
  }

  /** The voice chosen for a BCP 47 language (`en-US`, `id-ID`), or `null` for the default voice. */
  voiceFor(lang: string): SpeechSynthesisVoice | null {
    const wanted = lang.toLowerCase();
    const base = wanted.split('-')[0];
    return (
      this.#voices.find((voice) => voice.lang.replace('_', '-').toLowerCase() === wanted) ??
      this.#voices.find((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === base) ??
      null
    );
  }

  /** Texts waiting to be spoken (including before activation). */
  get pending(): readonly string[] {
    return this.#queue.map((message) => message.text);
  }

  /** Call from a click or key press: unlocks speech and speaks what is waiting. */
  activate(): void {
    this.#active = true;
    this.#next();
  }

  /** Adds a message to the queue, spoken in `lang` (BCP 47; the default language when absent). */
  announce(text: string, lang: string = this.#lang): void {
    this.#queue.push({ text, lang });
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
    this.#voices = this.#synth.getVoices();
  };

  #next(): void {
    if (!this.#active || this.#speaking) return;
    const message = this.#queue.shift();
    if (message === undefined) return;
    this.#speaking = true;
    const utterance = this.#create(message.text);
    utterance.lang = message.lang;
    utterance.rate = this.#rate;
    const voice = this.voiceFor(message.lang);
    if (voice) utterance.voice = voice;
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
