/**
 * The shared corpus (report-anatomy §7): real national and town reports and templates, kept beside
 * the repository in `../shared/corpus` under `national/`, `local/` and `excerpts/`. Tests that read
 * it skip when it is not there (`describe.skipIf(!hasCorpus)`).
 *
 * `__dirname` (not `import.meta.url`) so that `scripts/score-outlines.mjs`, which bundles
 * `test/corpus/outline-score.ts` and defines `__dirname` as `test/corpus`, finds the same folder:
 * `test/corpus` and `test/helpers` are at the same depth.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The corpus folder. */
export const CORPUS = resolve(__dirname, '../../../shared/corpus');

/** Whether the corpus is there. */
export const hasCorpus = existsSync(CORPUS);

/** The complete town government work reports of `local/` (`六镇镇2023年政府工作报告` …), every standard section present. */
export const LOCAL_GOV_REPORTS: readonly string[] = ['local/hengli-2023-gov-report.txt', 'local/liuzhen-2023-gov-report.txt', 'local/nixi-2023-gov-report.txt'];

/** The absolute path of a corpus document: `corpusPath('local/liuzhen-2023-gov-report.txt')`. */
export function corpusPath(relativePath: string): string {
  return join(CORPUS, relativePath);
}

/**
 * Reads a corpus document by its path under the corpus folder.
 *
 * @example corpusText('local/town-summary-and-plan-template.txt') // '乡镇年度工作总结和下阶段城乡融合发展工作\n一、xxxx年工作总结\n…'
 */
export function corpusText(relativePath: string): string {
  return readFileSync(corpusPath(relativePath), 'utf8');
}

/**
 * The documents (`.txt`) of a corpus folder whose names pass `keep`, as paths under the corpus
 * folder, in name order; none when the folder is not there.
 *
 * @example corpusFiles('national') // ['national/national-gov-report-2002.txt', 'national/national-gov-report-2008.txt', …]
 * @example corpusFiles('excerpts', (name) => name.startsWith('T')) // the templates: ['excerpts/T01_XXtown_gwr_2023_template_XdotX.txt', …]
 */
export function corpusFiles(dir: string, keep: (name: string) => boolean = () => true): string[] {
  const full = corpusPath(dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => f.endsWith('.txt') && keep(f))
    .sort()
    .map((f) => `${dir}/${f}`);
}
