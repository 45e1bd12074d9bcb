/**
 * Keeps the server's memory near what it needs. V8 collects when it allocates, and only once its
 * heap has grown by a factor (up to 4×) over what the last full collection left: an analysis of a
 * 10 MB compilation keeps about 45 MB alive, and the heap grew to 300 MB and more while typing.
 * An idle server allocates nothing, so what it held then it kept until the next edit somewhere.
 * Measured by `scripts/memory-attribution.mjs`, `scripts/memory-timeline-preload.cjs` and the
 * bench's RSS rows (`docs/perf-memory.md`).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Documents shorter than this leave too little behind to be worth a full collection. */
const LARGE_DOCUMENT = 256 * 1024;
/** Wait after a close, so closing several documents at once collects once. */
const CLOSE_DELAY_MS = 1000;
/** Quiet time after the last work on a large document before collecting: a pause in typing, not between keys. */
const IDLE_DELAY_MS = 1500;
/**
 * How far V8 lets the heap grow over what the last full collection kept, in percent (V8 picks up
 * to 300% from its own speed; that is what made the peak). See {@link configureHeap}.
 */
export const HEAP_GROWING_PERCENT = 20;

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
 * Makes V8 collect before its heap grows far past what is alive ({@link HEAP_GROWING_PERCENT}),
 * unless the server was started with its own `--heap-growing-percent`. V8 reads the flag each time
 * it sets its next limit, so setting it at start works whatever command line an editor uses.
 *
 * @example configureHeap() // first thing in startServer: typing into a 10 MB 政府工作报告汇编 then peaks near +150 MB, not +330 MB
 */
export function configureHeap(execArgv: readonly string[] = process.execArgv): void {
  if (execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) return;
  try {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  } catch {
    // An engine without the flag grows its heap as it always did.
  }
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
