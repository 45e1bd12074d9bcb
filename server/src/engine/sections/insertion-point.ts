/**
 * Where a missing section goes, and the heading text suggested for it.
 */
import type { Heading, ReportModel } from '../model';
import { SECTION_DEFS, type InsertionPoint, type SectionId, type SectionMatch } from './definitions';
import { findSections } from './find-sections';

/**
 * Where a section of the document's kind conventionally goes: before the next present section in
 * conventional order (the problems before the plan); else after the previous present one, together
 * with the sibling sections that follow it (a duty report's work sections 一、二、三), but before a
 * closing paragraph; else just after the title (early sections) or at the end.
 *
 * @example insertionPoint(model, 'problems') // { offset: <start of the line `二、2024年工作思路`>, before: <that heading> }
 */
export function insertionPoint(model: ReportModel, sectionId: SectionId): InsertionPoint {
  const text = model.text;
  const sections = findSections(model);
  const target = sections.find((s) => s.id === sectionId);
  const order = target?.def.order ?? Infinity;
  const lineStartOf = (offset: number): number => model.lines.lineStarts[model.lines.lineAt(offset)];
  const lineAfter = (offset: number): number => {
    const line = model.lines.lineAt(offset);
    return line + 1 < model.lines.lineCount ? model.lines.lineStarts[line + 1] : text.length;
  };
  const afterTitle = (): number => (model.title ? lineAfter(model.title.end) : 0);

  if (target?.def.placement === 'closing') return { offset: text.length };
  if (target?.def.placement === 'salutation') return { offset: afterTitle() };

  const present = sections.filter((s) => s.present && s.id !== sectionId);
  const next = present.filter((s) => s.def.order > order).sort((a, b) => startOf(model, a) - startOf(model, b))[0];
  if (next) {
    // In flattened text the section goes right before the next one, mid-line.
    if (next.heading) return { offset: next.heading.placement === 'inline' ? next.heading.start : lineStartOf(next.heading.start), parent: next.heading.parent, before: next.heading };
    // Before a paragraph: inside the section that holds it, except for the closing, which ends the whole report.
    const start = startOf(model, next);
    return { offset: next.segment ? start : lineStartOf(start), parent: next.def.placement === 'closing' ? undefined : enclosingHeading(model, start) };
  }
  const previous = present.filter((s) => s.def.order < order).sort((a, b) => startOf(model, b) - startOf(model, a))[0];
  if (!previous) return order <= 20 || target?.def.placement === 'opening' ? { offset: afterTitle() } : { offset: text.length };

  if (previous.def.placement === 'salutation' || previous.def.placement === 'opening') {
    // Right after the front matter.
    const p = model.paragraphs[previous.paragraph!];
    return { offset: lineAfter(p.end - 1) };
  }
  // The heading whose section the previous section is (or lies in), and its last sibling.
  const anchor = previous.heading ?? enclosingHeading(model, startOf(model, previous));
  if (!anchor) return { offset: text.length };
  const siblings = anchor.parent ? anchor.parent.children : model.roots;
  const last = siblings[siblings.length - 1].start >= anchor.start ? siblings[siblings.length - 1] : anchor;
  const offset = lineAfter(Math.max(last.start, last.sectionEnd - 1));
  const closing = sections.find((s) => s.id === 'closing' && s.present);
  if (closing?.paragraph !== undefined) {
    const closingStart = model.paragraphs[closing.paragraph].start;
    if (closingStart >= anchor.start && closingStart < offset) return { offset: lineStartOf(closingStart), parent: anchor.parent };
  }
  const before = model.headings.find((h) => h.start >= offset && h.depth <= anchor.depth);
  return { offset, parent: anchor.parent, before };
}

function startOf(model: ReportModel, s: SectionMatch): number {
  if (s.at !== undefined) return s.at;
  if (s.heading) return s.heading.start;
  return s.paragraph !== undefined ? model.paragraphs[s.paragraph].start : model.text.length;
}

/** The innermost heading whose section holds `offset`, not counting a heading that starts at it. */
function enclosingHeading(model: ReportModel, offset: number): Heading | undefined {
  let found: Heading | undefined;
  for (const h of model.headings) {
    if (h.start >= offset) break;
    if (h.sectionEnd >= offset && (!found || h.depth > found.depth)) found = h;
  }
  return found;
}

/**
 * A heading text for a missing section, with the years of the report filled in where the
 * convention has them (`2023年工作安排` in a 2023 government work report).
 *
 * @example suggestedHeading(model, 'problems') // '存在的问题'
 */
export function suggestedHeading(model: ReportModel, sectionId: SectionId): string {
  const y = model.year;
  switch (sectionId) {
    case 'review':
      if (model.kind === 'gov-report') return y ? `${y - 1}年工作回顾` : '工作回顾';
      return y ? `${y}年工作总结` : '工作总结';
    case 'tasks':
      if (model.kind === 'gov-report') return y ? `${y}年工作安排` : '今年工作安排';
      return '重点任务';
    case 'plan':
      return y ? `${y + 1}年工作计划` : '下一步工作计划';
    case 'next-steps':
      return '下一步工作打算';
    case 'problems':
      return model.kind === 'duty-report' ? '存在的不足' : '存在的问题';
    default: {
      const def = SECTION_DEFS[model.kind].find((d) => d.id === sectionId);
      return def?.name.zh ?? '';
    }
  }
}
