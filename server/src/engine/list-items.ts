/**
 * Items of a list inside one paragraph of thought are not headings (report-anatomy §2, "Not
 * headings"): a lead-in ending in `：` introduces them, and each but the last ends in `；`:
 *
 *     采取以下措施：一、理顺价格；二、稳定物价；三、加强市场监管。
 *
 * — even when each item starts a line. Only numbered families are concerned: points (`一是…；二是…`)
 * are the points of their paragraph and stay in the outline as such. The heading pass finds such markers as candidates like any
 * other; this filter drops the runs that read as such a list, so they are neither in the outline nor
 * in the numbering checks.
 */
import { isBlank, isLineBreak } from './chars';
import type { HeadingCandidate } from './heading-candidate';
import { CANONICAL_FAMILIES } from './model';

/** `；` or `;`: an item that ends here goes on to the next item. */
function isSemicolon(c: string | undefined): boolean {
  return c === '；' || c === ';';
}

/** `：` or `:`: a lead-in ends here. */
function isColon(c: string | undefined): boolean {
  return c === '：' || c === ':';
}

/**
 * The candidates without the items of `：`…`；` lists (see the module comment).
 *
 * @example dropSemicolonLists('采取以下措施：一、理顺价格；二、稳定物价；三、加强监管。', candidates) // []
 */
export function dropSemicolonLists(text: string, candidates: readonly HeadingCandidate[]): HeadingCandidate[] {
  const drop = new Set<HeadingCandidate>();
  for (let i = 0; i < candidates.length; i++) {
    const first = candidates[i];
    if (!first.marker || first.marker.value !== 1 || !CANONICAL_FAMILIES.includes(first.family) || !isColon(charBefore(text, first.start))) continue;
    // The run: same family, counting on, each item ending in `；` right before the next one.
    const run = [first];
    for (let j = i + 1; j < candidates.length; j++) {
      const previous = run[run.length - 1];
      const next = candidates[j];
      if (!endsWithSemicolonBefore(text, previous, next)) break;
      if (next.family !== first.family || next.marker?.value !== previous.marker!.value + 1) break;
      run.push(next);
    }
    if (run.length < 2) continue;
    for (const c of run) drop.add(c);
    i += run.length - 1;
  }
  return drop.size ? candidates.filter((c) => !drop.has(c)) : [...candidates];
}

/** The last character before `offset` that is neither blank nor a line break. */
function charBefore(text: string, offset: number): string | undefined {
  let k = offset - 1;
  while (k >= 0 && (isBlank(text.charCodeAt(k)) || isLineBreak(text.charCodeAt(k)))) k--;
  return k >= 0 ? text[k] : undefined;
}

/** Whether `item` ends in `；` with nothing but blanks (line breaks included) before `next`. */
function endsWithSemicolonBefore(text: string, item: HeadingCandidate, next: HeadingCandidate): boolean {
  return isSemicolon(text[item.textEnd]) && isSemicolon(charBefore(text, next.start)) && next.start > item.textEnd && onlyBlanks(text, item.textEnd + 1, next.start);
}

function onlyBlanks(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isBlank(text.charCodeAt(k)) && !isLineBreak(text.charCodeAt(k))) return false;
  return true;
}
