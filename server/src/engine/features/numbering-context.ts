/**
 * How a document writes its heading numbers, as completion and section insertion need it: the
 * usual style of each family, and the renumbering of the siblings a new heading pushes down.
 */
import type { Heading, HeadingFamily, Marker, ReportModel } from '../model';
import { formatMarker, isNumbered, markerWithValue, standardStyle, styleOf, type MarkerStyle } from '../numbering-style';
import { setNumber } from '../renumber';
import type { TextEdit } from '../rules/rule';

const styleCache = new WeakMap<ReportModel, Map<HeadingFamily, { style: MarkerStyle; marker: Marker }>>();

/** The most common written style of each family in the document, with a marker written that way. */
export function documentStyleMarkers(model: ReportModel): Map<HeadingFamily, { style: MarkerStyle; marker: Marker }> {
  let found = styleCache.get(model);
  if (found) return found;
  const tallies = new Map<HeadingFamily, Map<string, { n: number; style: MarkerStyle; marker: Marker }>>();
  for (const h of model.headings) {
    if (!h.marker || !isNumbered(h.family) || h.marker.value <= 0) continue;
    const style = styleOf(h.marker);
    const key = `${style.punctuation}|${style.brackets ?? ''}|${style.fullWidthDigits ? 1 : 0}|${style.pointVerb ?? ''}|${singleCodePointForm(h.marker)}`;
    const byKey = tallies.get(h.family) ?? new Map();
    const entry = byKey.get(key);
    if (entry) entry.n++;
    else byKey.set(key, { n: 1, style, marker: h.marker });
    tallies.set(h.family, byKey);
  }
  found = new Map();
  for (const [family, byKey] of tallies) {
    let best: { n: number; style: MarkerStyle; marker: Marker } | undefined;
    for (const entry of byKey.values()) if (!best || entry.n > best.n) best = entry;
    if (best) found.set(family, { style: best.style, marker: best.marker });
  }
  styleCache.set(model, found);
  return found;
}

/** `⑴` `⒈` carry their brackets or stop in the code point: a style of their own. */
function singleCodePointForm(marker: Marker): string {
  return marker.numeral.length === 1 && marker.text.length <= 2 && marker.text[0] === marker.numeral && /[\u2474-\u249b]/.test(marker.numeral) ? 'single' : '';
}

/** The document's style per family (see {@link documentStyleMarkers}). */
export function documentStyles(model: ReportModel): Map<HeadingFamily, MarkerStyle> {
  return new Map([...documentStyleMarkers(model)].map(([family, v]) => [family, v.style]));
}

/** `value` written in the document's usual style for `family`, or the standard style. */
export function formatInDocumentStyle(model: ReportModel, family: HeadingFamily, value: number): string {
  const found = documentStyleMarkers(model).get(family);
  return found ? markerWithValue(found.marker, value) : formatMarker(value, standardStyle(family));
}

/** Edits giving the siblings after the new heading the numbers after `value`, where they clash. */
export function renumberFollowing(following: readonly Heading[], value: number): TextEdit[] {
  if (!following.length || !following[0].marker || following[0].marker.value > value) return [];
  const edits: TextEdit[] = [];
  following.forEach((h, k) => {
    const edit = setNumber(h, value + 1 + k);
    if (edit) edits.push(edit);
  });
  return edits;
}

