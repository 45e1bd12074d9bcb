/**
 * Gives memory back when the server goes quiet. V8 collects when it allocates, once its heap has
 * grown by a factor (up to 4×) over what the last full collection left: typing into a 10 MB
 * compilation, whose analysis keeps about 50 MB alive, grew the heap past 300 MB, and an idle server
 * allocates nothing, so it kept all that until the next edit. (Making V8 collect sooner,
 * `--heap-growing-percent=20`, halved that peak but cost 30–40% more CPU per edit:
 * `docs/perf-memory.md`.) Measured by `scripts/memory-attribution.mjs`,
 * `scripts/memory-timeline-preload.cjs` and the bench's RSS rows.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Documents shorter than this leave too little behind to be worth a full collection. */
const LARGE_DOCUMENT = 256 * 1024;
/** Wait after a close, so closing several documents at once collects once. */
const CLOSE_DELAY_MS = 1000;
/** Quiet time after the last work on a large document before collecting: a pause in typing, not between keys. */
const IDLE_DELAY_MS = 1500;

let collector: (() => void) | undefined;
let closeTimer: ReturnType<typeof setTimeout> | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
/** Work on a large document left garbage that no collection has taken yet. */
let collectionWanted = false;

/** V8's `gc()`, exposed for this process even when Node was started without `--expose-gc`. */
function fullCollector(): (() => void) | undefined {
  if (collector) return collector;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return (collector = exposed);
  try {
    setFlagsFromString('--expose-gc');
    // A new context created after the flag is set has `gc` on its global.
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') collector = gc as () => void;
  } catch {
    collector = undefined;
  }
  return collector;
}

/** One full collection now. */
function collect(): void {
  collectionWanted = false;
  // V8 keeps the subject of the last successful regexp match alive (for `RegExp.input`): after a
  // close, that was the closed document's whole text (7 MB of a 10 MB compilation), until the next match.
  /^/.exec('');
  fullCollector()?.();
}

/**
 * Schedules one full collection a second after a document of `length` UTF-16 units closed (large
 * documents only).
 *
 * @example documents.onDidClose((e) => collectAfterClose(e.document.getText().length)) // a 10 MB 政府工作报告汇编 closes
 */
export function collectAfterClose(length: number): void {
  if (length < LARGE_DOCUMENT || closeTimer) return;
  clearTimeout(idleTimer);
  idleTimer = undefined;
  closeTimer = setTimeout(() => {
    closeTimer = undefined;
    collect();
  }, CLOSE_DELAY_MS);
  closeTimer.unref?.();
}

/**
 * Collects once the server has had nothing to do for {@link IDLE_DELAY_MS} after work on a large
 * document (a version analysed and its diagnostics published): what the analyses made while typing
 * left behind goes back then, not at the next keystroke. Every call, and every
 * {@link postponeCollection}, restarts the wait, so typing never meets a collection of this kind.
 *
 * @example diagnostics published for a 10 MB 政府工作报告汇编 → collectWhenIdle(text.length)
 */
export function collectWhenIdle(length: number): void {
  // Work on a small document afterwards still waits for quiet before the large one's collection.
  if (length >= LARGE_DOCUMENT) collectionWanted = true;
  if (!collectionWanted || closeTimer) return;
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    idleTimer = undefined;
    collect();
  }, IDLE_DELAY_MS);
  idleTimer.unref?.();
}

/**
 * Work on a document began (an edit arrived): a collection waiting for quiet waits again, from the
 * end of that work ({@link collectWhenIdle} is called then).
 *
 * @example documents.onDidChangeContent(() => postponeCollection()) // the user typed 字 into the 10 MB compilation
 */
export function postponeCollection(): void {
  clearTimeout(idleTimer);
  idleTimer = undefined;
}
