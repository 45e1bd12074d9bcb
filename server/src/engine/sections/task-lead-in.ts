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

/**
 * The first characters of every verb {@link TASK_LEAD_IN} opens with (`抓` `做` `推` `突` `聚` `落`
 * `实` `把` `办` `完`): a sentence without one cannot match, and is passed over without a copy.
 */
const VERB_STARTS = new Set(Array.from('抓做推突聚落实把办完', (c) => c.charCodeAt(0)));

function mayLeadIn(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (VERB_STARTS.has(s.charCodeAt(i))) return true;
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
