/**
 * Property tests (issue 9): random reports built from every heading form and width, placeholders,
 * CRLF/CR/LF, a BOM, tabs, full-width spaces and characters outside the BMP. `npm test` runs a fixed
 * seed; `GONGWEN_PROPERTY_RUNS=10000 npx vitest run test/engine/properties.test.ts` runs longer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, defaultSettings, foldingRangesOf, outlineOf, selectionChainAt, type Heading, type OutlineSymbol, type ReportModel, type TextEdit } from '../../server/src/engine';
import { applyEdits, renumberDocument } from '../../server/src/engine/renumber';
import { propertyRuns, propertySeed } from '../helpers/property';
import { report } from '../helpers/report-arbitrary';

const RUNS = propertyRuns(200);
const SEED = propertySeed(20260901);

/** Like `expect(cond).toBe(true)` with a message, but costs nothing when it holds (thousands of checks per case). */
function ensure(cond: boolean, message: () => string): void {
  if (!cond) throw new Error(message());
}

/** Time for a property test: fast-check's runs plus room for a busy machine. */
const TIMEOUT = 20000 + RUNS * 60;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** An offset inside the text that does not split a surrogate pair. */
function expectBoundary(text: string, offset: number, what: string): void {
  ensure(Number.isInteger(offset), () => `${what} ${offset} is an integer`);
  ensure(offset >= 0 && offset <= text.length, () => `${what} ${offset} lies inside 0..${text.length}`);
  const splits = offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
  ensure(!(splits), () => `${what} ${offset} splits a surrogate pair`);
}

function expectSpan(text: string, start: number, end: number, what: string): void {
  expectBoundary(text, start, `${what} start`);
  expectBoundary(text, end, `${what} end`);
  ensure(start <= end, () => `${what} ${start}..${end} is ordered`);
}


function expectNoOverlap(edits: readonly TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) ensure(sorted[i - 1].end <= sorted[i].start, () => `${what}: edits overlap`);
}

function checkTree(model: ReportModel): void {
  const { text } = model;
  const check = (siblings: readonly Heading[], parent: Heading | undefined) => {
    siblings.forEach((h, i) => {
      expectSpan(text, h.start, h.textEnd, `heading ${h.label}`);
      expectSpan(text, h.textEnd, h.sectionEnd, `section ${h.label}`);
      if (parent) {
        ensure(h.start >= parent.start && h.sectionEnd <= parent.sectionEnd, () => `${h.label} inside ${parent.label}`);
        ensure(h.depth === parent.depth + 1, () => `${h.label} one level below ${parent.label}`);
      }
      if (i > 0) ensure(siblings[i - 1].sectionEnd <= h.start, () => `${siblings[i - 1].label} before ${h.label}`);
      check(h.children, h);
    });
  };
  check(model.roots, undefined);
}

function checkOutline(model: ReportModel, symbols: readonly OutlineSymbol[], parent?: OutlineSymbol): void {
  const offset = (p: { line: number; character: number }) => model.lines.offsetAt(p);
  symbols.forEach((s, i) => {
    const [start, end] = [offset(s.range.start), offset(s.range.end)];
    expectSpan(model.text, start, end, `outline ${s.name}`);
    // Positions read back to the same offsets: none falls past a line end.
    const [a, b] = [model.lines.positionAt(start), model.lines.positionAt(end)];
    ensure(a.line === s.range.start.line && a.character === s.range.start.character && b.line === s.range.end.line && b.character === s.range.end.character, () => `${s.name}: range reads back to the same offsets`);
    const [selStart, selEnd] = [offset(s.selectionRange.start), offset(s.selectionRange.end)];
    ensure(selStart >= start && selEnd <= end, () => `${s.name}: selection inside range`);
    if (parent) ensure(start >= offset(parent.range.start) && end <= offset(parent.range.end), () => `${s.name} inside ${parent.name}`);
    if (i > 0) ensure(offset(symbols[i - 1].range.end) <= start, () => `${symbols[i - 1].name} before ${s.name}`);
    checkOutline(model, s.children, s);
  });
}

describe('properties of random reports', () => {
  it('never throws; every range lies inside the text on UTF-16 boundaries; the tree, outline and folding nest', () => {
    fc.assert(
      fc.property(report, (text) => {
        const analysis = analyze(text, defaultSettings());
        const { model } = analysis;
        checkTree(model);
        checkOutline(model, outlineOf(model));
        const lineCount = model.lines.lineStarts.length;
        const folds = foldingRangesOf(model);
        for (const f of folds) ensure(f.startLine < f.endLine && f.endLine < lineCount, () => `fold ${f.startLine}-${f.endLine}`);
        for (const a of folds) for (const b of folds) {
          const disjoint = a.endLine < b.startLine || b.endLine < a.startLine;
          const nested = (a.startLine <= b.startLine && b.endLine <= a.endLine) || (b.startLine <= a.startLine && a.endLine <= b.endLine);
          ensure(disjoint || nested, () => `folds ${a.startLine}-${a.endLine} and ${b.startLine}-${b.endLine} cross`);
        }
        for (let i = 1; i < model.placeholders.length; i++) {
          ensure(model.placeholders[i - 1].end <= model.placeholders[i].start, () => `placeholders ${model.placeholders[i - 1].text} and ${model.placeholders[i].text} overlap`);
        }
        for (const p of model.placeholders) {
          expectSpan(text, p.start, p.end, `placeholder ${p.text}`);
          ensure(text.slice(p.start, p.end) === p.text, () => `placeholder ${p.text} is the text at its range`);
        }
        for (const f of analysis.findings) {
          expectSpan(text, f.start, f.end, `finding ${f.ruleId}`);
          for (const fix of f.fixes ?? []) {
            for (const e of fix.edits) expectSpan(text, e.start, e.end, `fix of ${f.ruleId}`);
            expectNoOverlap(fix.edits, `fix of ${f.ruleId}`);
          }
        }
        for (const at of [0, text.length >> 1, text.length, (text.length * 0.37) | 0, (text.length * 0.83) | 0]) {
          let inner = { start: at, end: at };
          for (const span of selectionChainAt(model, at)) {
            expectSpan(text, span.start, span.end, 'selection');
            ensure(span.start <= inner.start && inner.end <= span.end, () => 'selection chain widens');
            inner = span;
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, TIMEOUT);

  it('safe quick fixes change only the text they name (or a character beside it) or the numerals of markers', () => {
    fc.assert(
      fc.property(report, (text) => {
        const analysis = analyze(text, defaultSettings());
        const { lines } = analysis.model;
        for (const f of analysis.findings) {
          const first = lines.positionAt(f.start).line;
          const last = lines.positionAt(f.end).line;
          for (const fix of f.fixes ?? []) {
            // Unsafe fixes may write elsewhere by design (a missing section is inserted where it belongs).
            if (!fix.safe) continue;
            for (const e of fix.edits) {
              const touched = [lines.positionAt(e.start).line, lines.positionAt(e.end).line];
              const nearby = e.end >= f.start - 2 && e.start <= f.end + 2;
              // Renumbering a list from a numbering finding rewrites the numerals of the list's other markers.
              const inMarker = analysis.model.headings.some((h) => h.marker && h.marker.start <= e.start && e.end <= h.marker.end);
              ensure(nearby || inMarker, () => `${f.ruleId} fix edits lines ${touched} for a finding on ${first}-${last}`);
            }
          }
        }
      }),
      { numRuns: RUNS, seed: SEED + 1 },
    );
  }, TIMEOUT);

  it('renumbering rewrites only numerals inside markers, and renumbering twice equals once', () => {
    fc.assert(
      fc.property(report, (text) => {
        const model = analyze(text, defaultSettings()).model;
        const edits = renumberDocument(model);
        expectNoOverlap(edits, 'renumber');
        for (const e of edits) {
          expectSpan(text, e.start, e.end, 'renumber edit');
          const owner = model.headings.find((h) => h.marker && h.marker.start <= e.start && e.end <= h.marker.end);
          ensure(owner !== undefined, () => `renumber edit ${e.start}-${e.end} "${text.slice(e.start, e.end)}" lies inside a marker`);
        }
        const once = applyEdits(text, edits);
        const twice = applyEdits(once, renumberDocument(analyze(once, defaultSettings()).model));
        expect(twice).toBe(once);
        // (The outline's shape may still change: whether a short line is a title depends on the length
        // of the lines around it, and `１０、` → `１、` inside them changes that length.)
      }),
      { numRuns: RUNS, seed: SEED + 2 },
    );
  }, TIMEOUT);
});
