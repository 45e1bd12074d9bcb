/**
 * Whole-report skeletons offered by completion in an empty document: `政府工作报告`, `工作总结`,
 * `述职报告`…, labelled with their Chinese names and found by their pinyin initials too (`zfgzbg`).
 */
import type { CompletionProposal, CompletionSite, CompletionView } from './completion';
import { isSubsequence } from './insert-section';
import { SNIPPETS } from './section-snippets';

/** The snippets that are whole reports: `政府工作报告（全文骨架）`. */
const SKELETON = /（全文骨架）$/;

/**
 * One proposal per skeleton snippet, when the document is empty apart from what was typed at the
 * cursor; the typed word (`zfgzbg`, `政府`) keeps those it could stand for.
 *
 * @example skeletonProposals(view of '', site typed 'zfgzbg', 6)[0].label // '政府工作报告'
 */
export function skeletonProposals(view: CompletionView, site: CompletionSite, offset: number): CompletionProposal[] {
  if (site.mode !== 'line-start' || view.model.text.trim() !== '') return [];
  const out: CompletionProposal[] = [];
  for (const s of SNIPPETS) {
    if (!SKELETON.test(s.name)) continue;
    const label = s.name.replace(SKELETON, '');
    const filterText = [label, ...s.prefixes, ...s.pinyin].join(' ');
    if (site.typed && !isSubsequence(site.typed.toLowerCase(), filterText.toLowerCase())) continue;
    out.push({
      label,
      insertText: s.body,
      isSnippet: true,
      kind: 'section',
      detail: { zh: '全文骨架', en: 'whole-report skeleton' },
      documentation: { zh: s.description, en: s.description },
      sortText: `2${String(out.length).padStart(2, '0')}`,
      filterText,
      replace: { start: site.start, end: offset },
    });
  }
  return out;
}
