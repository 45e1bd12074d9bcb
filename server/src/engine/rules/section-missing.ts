/**
 * `section-missing`: a required section of the document's kind is absent (report-anatomy §3, the
 * definitions in `sections.ts`): a government work report without its problems paragraph or its
 * closing, a summary without next steps, a plan without targets.
 *
 * Sections are looked for in heading text and in the opening sentence of paragraphs, since towns
 * often leave the problems section without a heading. Documents of unknown kind are not checked,
 * nor are documents whose kind was only guessed from the content (other than a government work
 * report, which its salutation and `向大会报告` give away): a speech is not a plan with sections
 * missing.
 *
 * The finding sits on the title (the first line when there is none); `data.sectionId` names the
 * section, for the "insert missing section" quick fix (see `insertionPoint` in `sections.ts`).
 */
import type { ReportModel } from '../model';
import { missingSections } from '../sections';
import { withInsertFix } from '../features/insert-section';
import type { Finding, Rule } from './rule';

const ID = 'section-missing';

/**
 * Rule `section-missing` (warning): a required section of the document's kind is absent; reported on
 * the title, offering to insert it. Skipped: unknown kinds, and kinds guessed from content except gov-report.
 *
 * @example 三魁镇2023年工作总结 with no problems part → "缺少“存在的问题”部分：通常写明工作中的不足和困难"
 */
export const sectionMissing: Rule = {
  id: ID,
  defaultSeverity: 'warning',
  title: { zh: '缺少本文种的标准部分（如“存在的问题”）', en: 'A standard section of this kind of report is missing (e.g. the problems)' },
  check(model: ReportModel): Finding[] {
    if (model.kind === 'unknown') return [];
    if (model.kindSource === 'content' && model.kind !== 'gov-report') return [];
    if (model.paragraphs.length === 0) return [];
    const missing = missingSections(model);
    if (missing.length === 0) return [];
    const { start, end } = anchorOf(model);
    return missing.map((m) => withInsertFix(model, {
      ruleId: ID,
      start,
      end,
      message: {
        zh: `缺少“${m.def.name.zh}”部分：${m.def.says.zh}`,
        en: `Missing section "${m.def.name.en}": it ${m.def.says.en}`,
      },
      data: { sectionId: m.id },
    }));
  },
};

/** The title, or the first non-empty line. */
function anchorOf(model: ReportModel): { start: number; end: number } {
  if (model.title) return { start: model.title.start, end: model.title.end };
  const p = model.paragraphs[0];
  return { start: p.start, end: p.end };
}
