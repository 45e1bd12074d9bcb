// The texts the measuring scripts run on: the corpus beside the repository (`../shared/corpus`),
// or, in a clone without it, the bundled examples.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The corpus folder. */
export const CORPUS = resolve('../shared/corpus');

/**
 * The `.txt` documents of the corpus `folders`, in folder and name order, and whether they came from
 * the corpus; the examples (`examples/*.txt`) when the corpus is absent.
 *
 * @example corpusTexts(['local', 'national']).texts[0] // '横沥镇2023年政府工作报告\n…'
 */
export function corpusTexts(folders = ['local', 'national', 'excerpts']) {
  const fromCorpus = existsSync(CORPUS);
  const list = (dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  return { fromCorpus, texts: fromCorpus ? folders.flatMap((d) => list(join(CORPUS, d))) : list('examples') };
}
