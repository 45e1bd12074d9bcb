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
 *
 * The modules: `definitions.ts` (the sections of each kind and their cues), `units.ts` (the body's
 * paragraphs and stretches of flattened text), `openings.ts` (opening sentences and the lead cues
 * tested on them), `heading-cues.ts` (sections named by a heading), `task-lead-in.ts` (a lead-in
 * announcing the tasks), `find-sections.ts` (where each section is), `absences.ts` (what a document
 * lacks, and whether it is cut off), `insertion-point.ts` (where a missing section goes). Each
 * heading's text and each unit's opening is read once per version, and kept through the document's
 * memo for the next one where an edit did not reach it.
 */
export { SECTION_DEFS, type InsertionPoint, type SectionDef, type SectionId, type SectionMatch, type SectionPlacement } from './definitions';
export { findSections } from './find-sections';
export { absences, isCutOff, missingSections, type Absence } from './absences';
export { insertionPoint, suggestedHeading } from './insertion-point';
