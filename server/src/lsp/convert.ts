/**
 * Engine results → LSP types. Engine offsets are UTF-16, as LSP positions are.
 */
import { DiagnosticSeverity, DocumentSymbol, FoldingRange, SelectionRange, SymbolKind, type Diagnostic } from 'vscode-languageserver';
import type { FoldRange, OffsetSpan, OutlineSymbol, RatedFinding, ReportModel } from '../engine';
import { localize, type Language } from './locale';

/** Outline symbols as LSP document symbols; level-1 sections are namespaces so icons tell levels apart. */
export function toDocumentSymbols(symbols: readonly OutlineSymbol[]): DocumentSymbol[] {
  return symbols.map((s) => DocumentSymbol.create(s.name, undefined, symbolKindOf(s), s.range, s.selectionRange, toDocumentSymbols(s.children)));
}

function symbolKindOf(s: OutlineSymbol): SymbolKind {
  if (s.family === 'cn-point' || s.family === 'cn-ordinal' || s.family === 'dash') return SymbolKind.Field;
  if (s.family === 'lead') return SymbolKind.String;
  switch (s.depth) {
    case 1:
      return SymbolKind.Namespace;
    case 2:
      return SymbolKind.Class;
    case 3:
      return SymbolKind.Method;
    default:
      return SymbolKind.Property;
  }
}

/** Engine fold ranges (start and end lines of a section) as LSP folding ranges. */
export function toFoldingRanges(ranges: readonly FoldRange[]): FoldingRange[] {
  return ranges.map((r) => FoldingRange.create(r.startLine, r.endLine));
}

/** A chain of spans (innermost first) as one linked LSP selection range. */
export function toSelectionRange(model: ReportModel, chain: readonly OffsetSpan[]): SelectionRange {
  let parent: SelectionRange | undefined;
  for (let i = chain.length - 1; i >= 0; i--) parent = SelectionRange.create(model.lines.rangeOf(chain[i].start, chain[i].end), parent);
  return parent ?? SelectionRange.create(model.lines.rangeOf(0, 0));
}

const SEVERITY: Record<RatedFinding['severity'], DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  info: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

/** The README anchor of a rule, shown as the diagnostic code's link. */
export const RULES_DOC_URL = 'https://github.com/gongwen/gongwen#';

/**
 * A finding as an LSP diagnostic in `language`: code = rule id linking to its README anchor, source
 * `gongwen`, and `data` (rule id and offsets) by which code actions find the finding again.
 *
 * @example `numbering-sequence`, Warning, "序号不连续：应为“三、”，实为“四、”"
 */
export function toDiagnostic(model: ReportModel, f: RatedFinding, language: Language): Diagnostic {
  return {
    range: model.lines.rangeOf(f.start, f.end),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: RULES_DOC_URL + f.ruleId },
    source: 'gongwen',
    message: localize(f.message, language),
    data: { ruleId: f.ruleId, start: f.start, end: f.end },
  };
}
