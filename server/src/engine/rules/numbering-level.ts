/**
 * `numbering-level`: numbered levels follow the order of GB/T 9704 §7.3.3 — 一、 › （一） › 1. ›
 * （1） › ① › a. — as GB/T 15834 B.3.8 asks (a lower level must not hold a higher one).
 *
 * Sub-cases:
 * - **inversion** (rule severity, warning): a higher-level marker inside or after a lower one of
 *   the same section — a `（一）` whose parent is a `1.`, or a `（一）` that comes after `1.`
 *   siblings under one `一、` (the parser closes the `1.` when it meets the `（一）`, so an inversion
 *   usually shows as siblings of mixed rank, with the higher family second);
 * - **skipped level** (`hint`): a child family more than one step below its numbered parent
 *   (`一、` directly holding `1.`, no `（一）` between). Towns skip a level often and readers
 *   follow it without trouble, so this is only a hint; `第一部分` parents are not checked (parts
 *   are outside the four levels of GB/T 9704), nor are headings under unnumbered titles, nor
 *   enumerations inline in a paragraph (`主要原则是：（1）…（2）…` under a `（六）`), and a
 *   document may start at any level. The fix rewrites that list in the skipped family's
 *   standard form (`1.` `2.` → `（一）` `（二）`, half-width brackets when the document writes
 *   that family so); it changes the level scheme, so it is not safe.
 *
 * In a text cut at the start (a page opening at `（三）`, see `numbering-scope.ts`) the top-level
 * headings are not compared with each other.
 *
 * Headings outside the numbering scope (contents lines, `第一部分` inside a section, web residue,
 * page numbers; see `numbering-scope.ts`) are neither checked nor held against others.
 */
import { CANONICAL_FAMILIES, type Heading, type HeadingFamily, type ReportModel } from '../model';
import { numberingScope } from '../numbering-scope';
import { formatMarker, standardStyle } from '../numbering-style';
import { numberedLists, type SiblingList } from '../sibling-lists';
import type { Finding, Rule, TextEdit } from './rule';

const ID = 'numbering-level';

const RANK = new Map<HeadingFamily, number>(CANONICAL_FAMILIES.map((f, i) => [f, i]));

/**
 * Rule `numbering-level`: levels run 一、 › （一） › 1. › （1） › ① › a.; a higher-level marker inside
 * or after a lower one is a warning, a skipped level a hint (its fix rewrites the list, not safe).
 *
 * @example 一、工作回顾 / 1.抓好农业 → "跳过了层级：“一、”下直接用“1.”，中间缺少“（一）”级"
 */
export const numberingLevel: Rule = {
  id: ID,
  defaultSeverity: 'warning',
  title: { zh: '序号层级：“一、”›“（一）”›“1.”›“（1）”，低层级内不用高层级序号', en: 'Numbering levels run 一、 › （一） › 1. › （1）; no higher-level marker inside a lower one' },
  check(model: ReportModel): Finding[] {
    const findings: Finding[] = [];
    // A text cut at the start (a page opening at `（三）`) lost the levels above its first headings:
    // at its top, nothing says which level comes first.
    if (!numberingScope(model).cutAtStart) checkGroup(model, undefined, model.roots, findings);
    for (const h of model.headings) if (h.children.length) checkGroup(model, h, h.children, findings);
    return findings.sort((a, b) => a.start - b.start);
  },
};

function sample(family: HeadingFamily): string {
  return formatMarker(1, standardStyle(family));
}

function checkGroup(model: ReportModel, parent: Heading | undefined, children: readonly Heading[], findings: Finding[]): void {
  const { excluded } = numberingScope(model);
  const parentRank = parent && parent.marker && !excluded.has(parent) ? RANK.get(parent.family) : undefined;
  const reported = new Set<HeadingFamily>();
  let deepest: Heading | undefined;
  for (const h of children) {
    const rank = RANK.get(h.family);
    if (rank === undefined || !h.marker || excluded.has(h)) continue;
    if (reported.has(h.family)) continue;
    if (parentRank !== undefined && rank <= parentRank) {
      reported.add(h.family);
      findings.push(inversion(h, parent!, 'inside'));
      continue;
    }
    if (deepest && RANK.get(deepest.family)! > rank) {
      reported.add(h.family);
      findings.push(inversion(h, deepest, 'after'));
      continue;
    }
    if (parentRank !== undefined && parent!.family !== 'part' && h.placement !== 'inline' && rank > parentRank + 1) {
      reported.add(h.family);
      findings.push(skipped(model, h, parent!, parentRank, rank));
    }
    // An enumeration inline in a paragraph (`主要目标是：1.…2.…`) is not a level of the section.
    if (h.placement !== 'inline' && (!deepest || RANK.get(deepest.family)! < rank)) deepest = h;
  }
}

function inversion(h: Heading, lower: Heading, where: 'inside' | 'after'): Finding {
  const m = h.marker!.text;
  const l = lower.marker!.text;
  return {
    ruleId: ID,
    start: h.marker!.start,
    end: h.marker!.end,
    message:
      where === 'inside'
        ? { zh: `层级颠倒：“${m}”级序号用在了“${l}”之下（GB/T 15834 B.3.8）`, en: `Level inversion: a "${m}"-level marker inside "${l}" (GB/T 15834 B.3.8)` }
        : { zh: `层级颠倒：“${m}”比同一节中前面的“${l}”层级更高（GB/T 15834 B.3.8）`, en: `Level inversion: "${m}" is a higher level than the earlier "${l}" in the same section (GB/T 15834 B.3.8)` },
    data: { kind: 'inversion', lower: l },
  };
}

const byParent = new WeakMap<ReportModel, Map<Heading, SiblingList[]>>();

/** The sibling lists whose parent is `parent`, indexed once per model. */
function listsUnder(model: ReportModel, parent: Heading): SiblingList[] {
  let index = byParent.get(model);
  if (!index) {
    index = new Map();
    for (const list of numberedLists(model)) {
      if (!list.parent) continue;
      const lists = index.get(list.parent);
      if (lists) lists.push(list);
      else index.set(list.parent, [list]);
    }
    byParent.set(model, index);
  }
  return index.get(parent) ?? [];
}

function skipped(model: ReportModel, h: Heading, parent: Heading, parentRank: number, rank: number): Finding {
  const missing = CANONICAL_FAMILIES.slice(parentRank + 1, rank);
  const names = missing.map((f) => `“${sample(f)}”`).join('');
  const enNames = missing.map((f) => `"${sample(f)}"`).join(', ');
  const target = missing[0];
  // In the document's bracket width for that family when it has one, else the standard form.
  const style = standardStyle(target);
  const sameFamily = model.headings.find((x) => x.family === target && x.marker?.brackets);
  if (sameFamily && style.brackets) style.brackets = sameFamily.marker!.brackets === 'half' ? 'half' : 'full';
  // The list(s) of this family under this parent, rewritten as the first skipped family.
  const edits: TextEdit[] = [];
  for (const list of listsUnder(model, parent)) {
    if (list.family !== h.family) continue;
    list.items.forEach((item, i) => {
      const marker = item.marker!;
      edits.push({ start: marker.start, end: marker.end, newText: formatMarker(list.expected[i], style) });
    });
  }
  const exampleNew = formatMarker(1, style);
  return {
    ruleId: ID,
    start: h.marker!.start,
    end: h.marker!.end,
    severity: 'hint',
    message: {
      zh: `跳过了层级：“${parent.marker!.text}”下直接用“${h.marker!.text}”，中间缺少${names}级`,
      en: `Skipped level: "${h.marker!.text}" directly under "${parent.marker!.text}", without the ${enNames} level between`,
    },
    fixes: edits.length ? [{ title: { zh: `改用${'“' + exampleNew + '”'}级序号`, en: `Use "${exampleNew}"-level markers` }, edits, safe: false }] : [],
    data: { kind: 'skipped-level', missing: missing.map(sample) },
  };
}
