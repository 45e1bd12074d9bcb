/**
 * A lead-in announcing the tasks as a numbered list opens the tasks section:
 * `重点做好以下几个方面的工作：（一）…（二）…`.
 */
import type { ReportModel } from '../model';
import { sentenceStartBefore } from './openings';
import type { Unit } from './units';

/**
 * A lead-in that announces the tasks as a list: `重点做好以下几个方面的工作：` `着力抓好六个方面工作：`.
 * Tested on a sentence ending in `：`; a review's `主要做了以下工作：` is not one.
 */
const TASK_LEAD_IN = /(抓好|做好|抓实|抓牢|推进|突出|聚焦|落实|实施|推动|把握|办好|完成好)(好)?(以下|如下|下列)|(抓好|做好|抓实|推进|突出|聚焦|落实|实施|推动|办好)[^，,。；;：:]{0,6}([几一二三四五六七八九十两]+)个?(方面|项|件)(的)?(重点)?(工作|任务|措施|实事)/;
const PAST_WORK = /做了|开展了|完成了|取得了|采取了|抓了|一年来|过去|回顾/;

/** The verbs {@link TASK_LEAD_IN} opens with, by first character: `抓好` `推进` `完成好`…. */
const VERB_PAIRS = new Map<number, string>(
  [['抓', '好实牢'], ['做', '好'], ['推', '进动'], ['突', '出'], ['聚', '焦'], ['落', '实'], ['实', '施'], ['把', '握'], ['办', '好'], ['完', '成']].map(([a, b]) => [a.charCodeAt(0), b]),
);
/** Which code units open a verb of {@link VERB_PAIRS}: a table look-up per character, not a hash. */
const VERB_FIRST = flags(Array.from(VERB_PAIRS.keys()));
/** What must follow a verb within a few characters: `以下` `如下` `下列`, or a count (`三个方面`). */
const AFTER_VERB = flags(Array.from('以如下几一二三四五六七八九十两', (c) => c.charCodeAt(0)));

function flags(codes: number[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of codes) table[c] = 1;
  return table;
}

/**
 * Whether `s.slice(start, end)` may hold a {@link TASK_LEAD_IN}: a task verb followed within seven
 * characters by `以` `如` `下` or a numeral. A necessary condition, checked without a copy, so the
 * regex runs on few sentences (`2.推进第2项措施。` is passed over).
 */
function mayLeadIn(s: string, start: number, end: number): boolean {
  for (let i = start; i + 1 < end; i++) {
    const c = s.charCodeAt(i);
    if (VERB_FIRST[c] === 0 || !VERB_PAIRS.get(c)!.includes(s[i + 1])) continue;
    const limit = Math.min(end, i + 2 + 7);
    for (let j = i + 2; j < limit; j++) if (AFTER_VERB[s.charCodeAt(j)] === 1) return true;
  }
  return false;
}

/**
 * The first lead-in after `from` that ends in `：` (or `。`) and announces a numbered list of
 * tasks, the list following at once (`重点做好以下几个方面的工作：（一）…` or `：` then a line `（一）…`).
 * `paragraphText` gives a body paragraph's text, simplified.
 *
 * @example taskLeadIn(model, body, paragraphText, 0) // at `重点做好以下几个方面的工作：` when `（一）…` follows
 */
export function taskLeadIn(model: ReportModel, body: readonly Unit[], paragraphText: (q: Unit) => string, from: number): { q: Unit; at: number } | undefined {
  const text = model.text;
  let h = 0;
  for (const q of body) {
    if (q.end <= from) continue;
    const s = paragraphText(q);
    for (let end = Math.max(0, from - q.start); end < s.length; end++) {
      const c = s.charCodeAt(end);
      if (c !== 0xff1a && c !== 58 && c !== 0x3002) continue; // ： : 。
      const at = q.start + end;
      const sentenceStart = sentenceStartBefore(s, end);
      if (!mayLeadIn(s, sentenceStart, end)) continue;
      const sentence = s.slice(sentenceStart, end);
      if (!TASK_LEAD_IN.test(sentence) || PAST_WORK.test(sentence)) continue;
      // The list: a heading starting right after the lead-in, or at the start of the next paragraph.
      while (h < model.headings.length && model.headings[h].start <= at) h++;
      const next = model.headings[h];
      if (next && (onlyBlanksBetween(text, at + 1, next.start) || (next.paragraph === q.index + 1 && next.start === model.paragraphs[q.index + 1].start))) {
        return { q, at: q.start + sentenceStart };
      }
    }
  }
  return undefined;
}

/** Whether `text.slice(start, end)` is blank, looking no further than the first non-blank. */
function onlyBlanksBetween(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!/[\s\u3000]/.test(text[i])) return false;
  return true;
}
