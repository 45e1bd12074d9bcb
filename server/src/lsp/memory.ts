/**
 * Gives memory back after a large document closes. V8 collects when it allocates, and an idle
 * server allocates nothing: without a collection, the analysis of a closed 10 MB compilation
 * stayed in the server's RSS (hundreds of MB) until the next edit somewhere.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Documents shorter than this leave too little behind to be worth a full collection. */
const LARGE_DOCUMENT = 256 * 1024;
/** Wait after a close, so closing several documents at once collects once. */
const DELAY_MS = 1000;

let collector: (() => void) | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

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

/**
 * Schedules one full collection a second after a document of `length` UTF-16 units closed (large
 * documents only).
 *
 * @example documents.onDidClose((e) => collectAfterClose(e.document.getText().length)) // a 10 MB 政府工作报告汇编 closes
 */
export function collectAfterClose(length: number): void {
  if (length < LARGE_DOCUMENT || timer) return;
  timer = setTimeout(() => {
    timer = undefined;
    fullCollector()?.();
  }, DELAY_MS);
  timer.unref?.();
}
