/**
 * The journal's signature. A workbook can arrive carrying a journal written by anyone, and 清除标记 replays what a
 * journal says; its after-states and sheet fingerprints are computable by anyone, so they prove nothing. A journal
 * written by this installation is therefore stored with an HMAC-SHA256 of its text under a key generated once and
 * kept in the pane's own storage on this PC (localStorage: per add-in origin, partitioned by Office), never in the
 * workbook. Reading checks it: a journal that verifies is ours and is replayed as before; any other one (another
 * PC's, a crafted one, one from before journals were signed) is foreign, and the host asks before replaying it.
 * The whole serialized payload is signed in this one place, so state other features add to the journal is covered
 * without touching this file.
 */
import { Journal, emptyJournal, journalProblem, serializeJournal } from './journal';

/** Where the key lives: the pane's storage on this PC. */
export interface KeyStore {
  load(): string | null;
  save(key: string): void;
}

const KEY_ITEM = 'juesuan.journalKey';

/** A key store in memory: tests, and a pane whose storage is unavailable (journals are then ours for this session only). */
export function memoryKeyStore(): KeyStore {
  let key: string | null = null;
  return { load: () => key, save: (k) => void (key = k) };
}

/** localStorage where the environment has it (the pane, the playground), else memory for this process. */
export function localKeyStore(): KeyStore {
  const fallback = memoryKeyStore();
  const storage = (): Storage | null => {
    try {
      return typeof localStorage === 'undefined' ? null : localStorage;
    } catch {
      return null; // storage disabled by policy: reading localStorage throws
    }
  };
  return {
    load: () => {
      try {
        return storage()?.getItem(KEY_ITEM) ?? fallback.load();
      } catch {
        return fallback.load();
      }
    },
    save: (k) => {
      fallback.save(k);
      try {
        storage()?.setItem(KEY_ITEM, k);
      } catch {
        /* quota or policy: the key still serves this session */
      }
    },
  };
}

/** What is stored when the journal is ours: the exact signed text and its HMAC. */
interface Envelope {
  journal: string;
  hmac: string;
}

function toBase64(bytes: ArrayBuffer): string {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const s = atob(text);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

const utf8 = (text: string) => new TextEncoder().encode(text);

export class JournalSeal {
  private key: Promise<CryptoKey | null> | null = null;

  constructor(
    private readonly store: KeyStore = localKeyStore(),
    private readonly subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle,
  ) {}

  /** This PC's key, made on first use; null where WebCrypto is unavailable (then every journal is foreign). */
  private hmacKey(): Promise<CryptoKey | null> {
    this.key ??= (async () => {
      const subtle = this.subtle;
      if (!subtle) return null;
      const algorithm = { name: 'HMAC', hash: 'SHA-256' };
      const stored = this.store.load();
      const raw = stored ? fromBase64(stored) : null;
      if (raw && raw.length >= 32) return subtle.importKey('raw', raw, algorithm, false, ['sign', 'verify']);
      const made = (await subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKey;
      this.store.save(toBase64(await subtle.exportKey('raw', made)));
      return made;
    })().catch(() => null);
    return this.key;
  }

  /** The text to store: signed when the journal is ours, plain (and so foreign when read again) when it is not. */
  async close(journal: Journal): Promise<string> {
    const payload = serializeJournal(journal);
    const key = journal.foreign ? null : await this.hmacKey();
    if (!key || !this.subtle) return payload;
    const hmac = toBase64(await this.subtle.sign('HMAC', key, utf8(payload)));
    return JSON.stringify({ journal: payload, hmac } satisfies Envelope);
  }

  /**
   * The journal stored in a workbook, with its provenance: ours when its signature verifies under this PC's key,
   * else foreign; refused (rejected, read as empty) when it is damaged, too large, or names anything but single cells.
   */
  async open(text: string | null | undefined): Promise<Journal> {
    if (!text) return emptyJournal();
    let payload = text;
    let hmac: Uint8Array<ArrayBuffer> | null = null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
      const env = parsed as Partial<Envelope> | null;
      if (env && typeof env.journal === 'string' && typeof env.hmac === 'string') {
        payload = env.journal;
        hmac = fromBase64(env.hmac);
        parsed = JSON.parse(payload);
      }
    } catch {
      return { ...emptyJournal(), rejected: '标记记录已损坏，无法读取' };
    }
    // A refused journal is read as empty: nothing of it is replayed or kept, so the next write starts a journal of
    // this PC's own (signed) and 清除标记 meanwhile says why there was nothing to restore.
    const problem = journalProblem(parsed);
    if (problem) return { ...emptyJournal(), rejected: problem };
    const { version, entries, sheets, foreign: _f, rejected: _r, ...rest } = parsed as Journal;
    const journal: Journal = { ...rest, version, entries, sheets };
    if (entries.length === 0 && sheets.length === 0) return journal; // nothing to replay: no one to distrust
    const key = hmac ? await this.hmacKey() : null;
    const ours = !!key && !!hmac && !!this.subtle && (await this.subtle.verify('HMAC', key, hmac, utf8(payload)).catch(() => false));
    return ours ? journal : { ...journal, foreign: true };
  }
}

/** This installation's seal: every host shares it unless a test gives its own (another PC). */
export const installationSeal = new JournalSeal();
