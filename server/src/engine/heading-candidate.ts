/**
 * The common currency of the heading passes: a heading before it has a place in the tree.
 */
import { endsHeadingText } from './chars';
import type { HeadingFamily, HeadingPlacement, Marker, Paragraph } from './model';

/**
 * A heading found in the text before it has a place in the tree.
 *
 * @example `（一）持续壮产业。…` → `{ family: 'cn-paren', textStart: 3, textEnd: 8, placement: 'run-in', … }`
 */
export interface HeadingCandidate {
  family: HeadingFamily;
  marker?: Marker;
  start: number;
  textStart: number;
  textEnd: number;
  placement: HeadingPlacement;
  paragraph: number;
}
/** Offset of the first sentence end in paragraph `p` (its end when there is none). */
export function firstSentenceEnd(text: string, p: Paragraph): number {
  let end = p.start;
  while (end < p.end && !endsHeadingText(text.charCodeAt(end))) end++;
  return end;
}
