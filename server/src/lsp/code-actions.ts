/**
 * Code actions: the rules' fixes as quick fixes, "fix all of this rule", and two source actions —
 * `source.fixAll.gongwen` (every safe fix in the document) and `source.organizeNumbering.gongwen`
 * (renumber the whole document).
 *
 * Diagnostics in the request are only a pointer: each is matched by its `data` (rule id and UTF-16
 * offsets, see `toDiagnostic`) against the findings of the document's current version, and the
 * fixes come from that finding, never from the client.
 */
import {
  CodeActionKind,
  CodeActionTriggerKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type ServerCapabilities,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Analysis, Fix, RatedFinding, ReportModel, TextEdit } from '../engine';
import { partitionPoint } from '../engine/partition-point';
import { renumberDocument } from '../engine/renumber';
import type { ServerContext } from '../server';
import { onDocument } from './handlers';
import { localize, type Language } from './locale';
import type { DocumentConfig } from './config-files';
import { silenceActionsFor, type EditSupport } from './silence-actions';

/** Applies every safe fix of the document. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gongwen`;
/** Renumbers every heading list of the document. */
export const RENUMBER_KIND = `${CodeActionKind.Source}.organizeNumbering.gongwen`;
/** Server command `(uri, ruleId, version?)` applying every safe fix of one rule (handled in `commands.ts`). */
export const FIX_RULE_COMMAND = 'gongwen.server.fixAllOfRule';

/**
 * This module's capability: `codeActionProvider` with kinds `quickfix`, `source.fixAll.gongwen` and
 * `source.organizeNumbering.gongwen`, no resolve.
 */
export function capabilities(): Partial<ServerCapabilities> {
  return {
    codeActionProvider: {
      codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, RENUMBER_KIND],
      resolveProvider: false,
    },
  };
}

/**
 * Handles `textDocument/codeAction` with {@link codeActionsFor}, and logs renumbering failures to the
 * connection's console.
 *
 * @example source actions `修复全部可安全修复的问题（3 处）` and `重新编排全文序号`
 */
export function register(ctx: ServerContext): void {
  reportFailure = (message) => ctx.connection.console.error(`gongwen: ${message}`);
  ctx.connection.onCodeAction(
    onDocument(ctx, [] as CodeAction[], (analysis, params: CodeActionParams) => {
      const workspace = ctx.clientCapabilities?.workspace;
      const silencing = {
        config: ctx.configFiles.forDocument(params.textDocument.uri),
        support: { createFiles: !!workspace?.workspaceEdit?.documentChanges && !!workspace.workspaceEdit.resourceOperations?.includes('create') },
      };
      return codeActionsFor(params, analysis, ctx.language(), ctx.documents.get(params.textDocument.uri)?.version, silencing);
    }),
  );
}

/**
 * The code actions for one request on the analysis of the document's current version; with
 * `silencing` (the document's `.gongwen.json`), also the quick fixes that silence each finding.
 */
export function codeActionsFor(
  params: CodeActionParams,
  analysis: Analysis,
  language: Language,
  version?: number,
  silencing?: { config: DocumentConfig | undefined; support: EditSupport },
): CodeAction[] {
  const uri = params.textDocument.uri;
  const { model } = analysis;
  const only = params.context.only;
  const actions: CodeAction[] = [];

  if (wants(only, CodeActionKind.QuickFix)) {
    const byRule = new Map<string, Diagnostic[]>();
    const silence: CodeAction[] = [];
    let silenced = 0;
    for (const diagnostic of params.context.diagnostics ?? []) {
      const finding = findingOf(analysis, diagnostic);
      if (!finding) continue;
      // Each edits the config file afresh: a selection over thousands of findings gets them for the first few.
      if (silencing && silenced++ < MAX_SILENCED_PER_REQUEST) silence.push(...silenceActionsFor(finding, diagnostic, analysis, silencing.config, language, silencing.support));
      if (!finding.fixes?.length) continue;
      for (const fix of finding.fixes) {
        const edits = validEdits(model, fix.edits);
        if (!edits.length) continue;
        actions.push({
          title: localize(fix.title, language),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred === true ? true : undefined,
          edit: workspaceEditOf(uri, model, edits),
        });
      }
      if (finding.fixes.some((f) => f.safe)) {
        const list = byRule.get(finding.ruleId);
        if (list) list.push(diagnostic);
        else byRule.set(finding.ruleId, [diagnostic]);
      }
    }
    // "Fix all of this rule" carries a command, not the edit: the light bulb asks on every cursor
    // move, and the edit of a large document would be megabytes each time.
    for (const [ruleId, diagnostics] of byRule) {
      const count = safelyFixableCount(analysis, ruleId);
      if (count < 2) continue; // one fix is already offered on its own
      const title = language === 'zh' ? `修复文档中全部“${ruleId}”问题（${count} 处）` : `Fix all ${ruleId} problems in the document (${count})`;
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        command: { title, command: FIX_RULE_COMMAND, arguments: version === undefined ? [uri, ruleId] : [uri, ruleId, version] },
      });
    }
    // Fixes first: silencing is the fallback when the author disagrees.
    actions.push(...silence);
  }

  // Source actions are for the source-action menu, "fix all on save" and commands; the light bulb
  // that VS Code asks for on every cursor move does not show them, so they are not computed then.
  const sourceWanted = only !== undefined || params.context.triggerKind !== CodeActionTriggerKind.Automatic;
  if (sourceWanted && wants(only, FIX_ALL_KIND)) {
    const all = fixAllOf(analysis);
    if (all.fixes > 0) {
      actions.push({
        title: language === 'zh' ? `修复全部可安全修复的问题（${all.fixes} 处）` : `Fix all auto-fixable problems (${all.fixes})`,
        kind: FIX_ALL_KIND,
        edit: workspaceEditOf(uri, model, all.edits),
      });
    }
  }
  if (sourceWanted && wants(only, RENUMBER_KIND)) {
    const edits = renumberOf(analysis);
    if (edits.length > 0) {
      actions.push({
        title: language === 'zh' ? '重新编排全文序号' : 'Renumber whole document',
        kind: RENUMBER_KIND,
        edit: workspaceEditOf(uri, model, edits),
      });
    }
  }
  return actions;
}

/** Most diagnostics of one request given "Ignore this here" & co. */
const MAX_SILENCED_PER_REQUEST = 20;

/** Whether an action of `kind` passes the request's `only` filter (`source.fixAll` admits `source.fixAll.gongwen`). */
function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => o === '' || kind === o || kind.startsWith(o + '.'));
}

// ---------------------------------------------------------------------------------------------
// Matching diagnostics to findings

/** The finding of the current analysis that a diagnostic stands for, if it still exists. */
export function findingOf(analysis: Analysis, diagnostic: Diagnostic): RatedFinding | undefined {
  if (diagnostic.source !== undefined && diagnostic.source !== 'gongwen') return undefined; // another tool's
  const data = diagnostic.data as { ruleId?: unknown; start?: unknown; end?: unknown } | undefined;
  let ruleId: unknown = data?.ruleId;
  let start: unknown = data?.start;
  let end: unknown = data?.end;
  if (ruleId === undefined || start === undefined || end === undefined) {
    // A client that drops `data`: fall back to the code and the range.
    ruleId = diagnostic.code;
    if (!diagnostic.range) return undefined;
    start = analysis.model.lines.offsetAt(diagnostic.range.start);
    end = analysis.model.lines.offsetAt(diagnostic.range.end);
  }
  if (typeof ruleId !== 'string' || !Number.isInteger(start) || !Number.isInteger(end)) return undefined;
  // Findings are sorted by start (see `runRules`): binary search for the first at `start`.
  const findings = analysis.findings;
  for (let i = partitionPoint(findings, (f) => f.start < (start as number)); i < findings.length && findings[i].start === start; i++) {
    if (findings[i].ruleId === ruleId && findings[i].end === end) return findings[i];
  }
  // Should the order ever change, a miss costs one linear scan, never a wrong answer.
  return findings.find((f) => f.start === start && f.end === end && f.ruleId === ruleId);
}

// ---------------------------------------------------------------------------------------------
// Fix all

interface FixAll {
  /** Non-overlapping edits in document order. */
  edits: TextEdit[];
  /** How many fixes the edits come from. */
  fixes: number;
}

const fixAllCache = new WeakMap<Analysis, Map<string, FixAll>>();
const fixableCounts = new WeakMap<Analysis, Map<string, number>>();

/** How many findings of `ruleId` have a safe fix (counted once per analysis). */
export function safelyFixableCount(analysis: Analysis, ruleId: string): number {
  let counts = fixableCounts.get(analysis);
  if (!counts) {
    counts = new Map();
    for (const f of analysis.findings) if (f.fixes?.some((x) => x.safe)) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    fixableCounts.set(analysis, counts);
  }
  return counts.get(ruleId) ?? 0;
}

/**
 * Every safe fix of the document (or of one rule), one per finding (its preferred safe fix, else
 * its first safe fix). A fix is applied whole or not at all: one that overlaps an edit already
 * taken is dropped, so fixes never fight over the same text.
 */
export function fixAllOf(analysis: Analysis, ruleId?: string): FixAll {
  let cache = fixAllCache.get(analysis);
  if (!cache) fixAllCache.set(analysis, (cache = new Map()));
  const key = ruleId ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  const fixes: Fix[] = [];
  for (const f of analysis.findings) {
    if (ruleId !== undefined && f.ruleId !== ruleId) continue;
    const fix = f.fixes?.find((x) => x.safe && x.preferred) ?? f.fixes?.find((x) => x.safe);
    if (fix) fixes.push(fix);
  }
  const result = nonOverlapping(analysis.model, fixes);
  cache.set(key, result);
  return result;
}

/**
 * Takes fixes in order, dropping any whose edits overlap an edit already taken, overlap each other,
 * or are invalid. Two edits overlap when their spans share text, or when both start at the same
 * offset (two insertions there would have no defined order).
 *
 * Linear in the text and the edits: taken spans are marked in a byte per offset, and a fix that
 * repeats an edit list already seen (rules share one "renumber this list" among its findings) is
 * rejected at its first edit.
 */
export function nonOverlapping(model: ReportModel, fixes: readonly Fix[]): FixAll {
  const length = model.text.length;
  const flags = new Uint8Array(length + 1);
  const seen = new Set<readonly TextEdit[]>();
  const taken: TextEdit[] = [];
  let count = 0;
  for (const fix of fixes) {
    const edits = fix.edits;
    if (!edits?.length || seen.has(edits)) continue;
    seen.add(edits);
    if (!edits.every((e) => isValidEdit(e, length) && !conflicts(flags, e))) continue;
    if (edits.length > 1 && overlapsItself(edits)) continue;
    for (const e of edits) {
      flags[e.start] |= START;
      if (e.start === e.end) flags[e.start] |= INSERT;
      else for (let i = e.start; i < e.end; i++) flags[i] |= COVER;
      taken.push(e);
    }
    count++;
  }
  taken.sort((a, b) => a.start - b.start);
  return { edits: taken, fixes: count };
}

/** Offset flags of {@link nonOverlapping}: inside a taken replacement, a taken insertion point, the start of a taken edit. */
const COVER = 1;
const INSERT = 2;
const START = 4;

function conflicts(flags: Uint8Array, e: TextEdit): boolean {
  if (flags[e.start] & (START | COVER)) return true;
  for (let i = e.start + 1; i < e.end; i++) if (flags[i] & (COVER | INSERT)) return true;
  return false;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

function overlapsItself(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) if (overlaps(sorted[i - 1], sorted[i])) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Renumbering

const renumberCache = new WeakMap<Analysis, TextEdit[]>();
/** Where engine failures inside code actions are logged (the server's console). */
let reportFailure: ((message: string) => void) | undefined;

function renumberOf(analysis: Analysis): TextEdit[] {
  let edits = renumberCache.get(analysis);
  if (!edits) {
    // An invalid or self-overlapping edit set is refused whole; a failure only loses this action.
    let raw: TextEdit[];
    try {
      raw = renumberDocument(analysis.model);
    } catch (error) {
      reportFailure?.(`renumberDocument failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      raw = [];
    }
    edits = nonOverlapping(analysis.model, [{ title: { zh: '', en: '' }, edits: raw, safe: true }]).edits;
    edits = edits.filter((e) => analysis.model.text.slice(e.start, e.end) !== e.newText);
    renumberCache.set(analysis, edits);
  }
  return edits;
}

// ---------------------------------------------------------------------------------------------
// Conversion

/** Edits that lie inside the text, with integer offsets and `start <= end`. */
export function validEdits(model: ReportModel, edits: readonly TextEdit[] | undefined): TextEdit[] {
  if (!edits) return [];
  const length = model.text.length;
  return edits.filter((e) => isValidEdit(e, length));
}

function isValidEdit(e: TextEdit, length: number): boolean {
  return Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= length && typeof e.newText === 'string';
}

/** Engine edits (UTF-16 offsets) as LSP text edits. */
export function toLspEdits(model: ReportModel, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: model.lines.rangeOf(e.start, e.end), newText: e.newText }));
}

/** A workspace edit of one document, in the `changes` form every client understands. */
export function workspaceEditOf(uri: string, model: ReportModel, edits: readonly TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: toLspEdits(model, edits) } };
}
