/**
 * The standard sections of each kind of report (report-anatomy §3): what they are called, the cue
 * words that give them away, what they usually say, and their conventional order.
 *
 * A section is found by its cue words in heading text or in the opening sentence of a paragraph:
 * towns often leave the problems section without a heading (`在肯定成绩的同时，我们也清醒地认识到…`)
 * or glue the heading to the body. In flattened text a title may sit between runs of blanks
 * (`…请予审议。  2022年工作回顾  一年来…`); some cues are strong enough anywhere in a paragraph
 * (`…主要是：`, `现将履职情况汇报如下：`), and a lead-in announcing a numbered list opens the tasks
 * (`重点做好以下几个方面的工作：（一）…`). Cues are matched on text folded to simplified characters.
 *
 * A document may stop before its end (an excerpt, a draft): {@link isCutOff} tells, and
 * {@link absences} leaves out the sections that would come after its last text. Used by the
 * `section-missing` rule, completion (the sections a document still lacks) and the "insert missing
 * section" quick fix.
 */
export { SECTION_DEFS, type InsertionPoint, type SectionDef, type SectionId, type SectionMatch, type SectionPlacement } from './definitions';
export { findSections } from './find-sections';
export { absences, isCutOff, missingSections, type Absence } from './absences';
export { insertionPoint, suggestedHeading } from './insertion-point';
