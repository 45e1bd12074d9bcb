/**
 * Compares the parser's outline of a corpus document with the outline written down by reading it
 * (`test/corpus/expected/*.json`). Used by the corpus test and by `npm run score:outline`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildReportModel } from '../../server/src/engine/pipeline';

export const EXPECTED_DIR = resolve(__dirname, 'expected');

export interface ExpectedHeading {
  depth: number;
  marker: string;
  text: string;
}

export interface ExpectedOutline {
  document: string;
  title: string | null;
  kind: string;
  year: number | null;
  headings: ExpectedHeading[];
}

export interface OutlineScore {
  document: string;
  expected: number;
  found: number;
  /** Expected headings the parser found, at the right depth. */
  right: number;
  /** Expected headings the parser found at another depth. */
  wrongDepth: string[];
  /** Expected headings the parser missed. */
  missed: string[];
  /** Headings the parser found that the reader did not. */
  extra: string[];
}

export function loadExpected(): ExpectedOutline[] {
  return readdirSync(EXPECTED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(EXPECTED_DIR, f), 'utf8')) as ExpectedOutline);
}

/** The start of a heading's text, folded so that `(一)` and `（一）` or `,` and `，` compare equal. */
function key(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .slice(0, 8);
}

/** Matches expected headings to found ones in document order by the start of their text. */
export function scoreOutline(expected: ExpectedOutline, text: string): OutlineScore {
  const model = buildReportModel(text);
  const found = model.headings.map((h) => ({ depth: h.depth, text: h.text, label: h.label }));
  const used = new Set<number>();
  const score: OutlineScore = { document: expected.document, expected: expected.headings.length, found: found.length, right: 0, wrongDepth: [], missed: [], extra: [] };
  let from = 0;
  for (const e of expected.headings) {
    const k = key(e.text);
    let hit = -1;
    for (let i = from; i < found.length; i++) {
      if (!used.has(i) && key(found[i].text) === k) {
        hit = i;
        break;
      }
    }
    if (hit < 0) {
      score.missed.push(`${e.depth} ${e.marker}${e.text.slice(0, 20)}`);
      continue;
    }
    used.add(hit);
    from = hit + 1;
    if (found[hit].depth === e.depth) score.right++;
    else score.wrongDepth.push(`${e.marker}${e.text.slice(0, 20)}: expected depth ${e.depth}, got ${found[hit].depth}`);
  }
  found.forEach((f, i) => {
    if (!used.has(i)) score.extra.push(`${f.depth} ${f.label}`);
  });
  return score;
}
