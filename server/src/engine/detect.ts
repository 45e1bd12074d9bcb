/**
 * Tells whether a plain text file is a work report, from its first lines, so the editor can switch
 * it to the `gongwen` language.
 */
import { simplify } from './chars';
import { kindFromTitle } from './title';

/** How much of the start of a file is looked at. */
export const DETECT_HEAD_LENGTH = 2000;

/**
 * Whether the first lines look like a report: a short line with a title keyword
 * (`2023年政府工作报告`, `工作总结`, `工作要点`, `述职报告`), or the salutation `各位代表：` with
 * `政府工作` near it.
 *
 * @example looksLikeReport('横沥镇2023年政府工作报告\n\n各位代表：') // true
 * @example looksLikeReport('会议纪要\n时间：…') // false
 */
export function looksLikeReport(head: string): boolean {
  const text = head.slice(0, DETECT_HEAD_LENGTH);
  const lines = text.split(/\r\n|\n|\r/).map((l) => l.trim()).filter((l) => l.length > 0).slice(0, 12);
  for (const line of lines) {
    if (line.length <= 60 && kindFromTitle(line) && /(报告|总结|计划|要点|思路|打算|安排|述职)/.test(simplify(line))) return true;
  }
  return /各位代表[：:]/.test(text) && /政府工作|向大会报告/.test(text);
}
