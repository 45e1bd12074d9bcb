/**
 * Server commands (`workspace/executeCommand`).
 *
 * - {@link PLACEHOLDERS_COMMAND} `(uri)` → every placeholder of the document (medium-confidence
 *   ones included, whatever the rule's severity), for next/previous navigation and the status bar.
 * - {@link FILL_ALL_COMMAND} `(uri, offset | position, replacement, version?)` → fills every
 *   placeholder identical to the one at the offset (same blank, same unit after it: every
 *   `xxxx年`) with `replacement`, through `workspace/applyEdit`.
 *
 * - {@link FIX_RULE_COMMAND} `(uri, ruleId, version?)` → applies every safe fix of one rule (the
 *   light bulb's "fix all … problems in the document"), through `workspace/applyEdit`.
 *
 * The ids differ from the editor commands of the same purpose (`gongwen.fillAllLikeThis`), because
 * vscode-languageclient registers every server command as an editor command of the same id.
 */
import { ResponseError, ErrorCodes, type ExecuteCommandParams, type Position, type Range, type ServerCapabilities } from 'vscode-languageserver';
import type { Placeholder, ReportModel, TextEdit } from '../engine';
import type { ServerContext } from '../server';
import { FIX_RULE_COMMAND, fixAllOf, workspaceEditOf } from './code-actions';
import { EXPORT_DOCX_COMMAND, exportDocxCommand } from './export-docx';

/** Server command `(uri, offset | position, replacement, version?)`: fills every blank like the one there (every `xxxx年`). */
export const FILL_ALL_COMMAND = 'gongwen.server.fillAllLikeThis';
/** Server command `(uri)`: every placeholder of the document (`xx`, `xxxx年`…), medium-confidence ones included. */
export const PLACEHOLDERS_COMMAND = 'gongwen.server.placeholders';
export { FIX_RULE_COMMAND };

/** Most placeholders listed in one answer; `total` still counts them all. */
const MAX_LISTED = 20000;
/** Longest replacement accepted. */
const MAX_REPLACEMENT = 10000;

/** One placeholder as the client sees it. */
export interface PlaceholderInfo {
  range: Range;
  /** The blank as written (`xxxx`). */
  text: string;
  /** What "fill all like this" matches: the blank and the unit after it (`xxxx年`). */
  key: string;
  form: Placeholder['form'];
  confidence: Placeholder['confidence'];
}

/**
 * Answer of {@link PLACEHOLDERS_COMMAND}: at most 20000 placeholders listed, `total` counts them all.
 *
 * @example { uri, version: 7, total: 1, placeholders: [{ text: 'xxxx', key: 'xxxx年', form: 'x-run', … }] }
 */
export interface PlaceholdersResult {
  uri: string;
  /** The document version the ranges belong to; `null` for a document that is not open. */
  version: number | null;
  total: number;
  placeholders: PlaceholderInfo[];
}

/**
 * Answer of {@link FILL_ALL_COMMAND}.
 *
 * @example { applied: true, replaced: 3, key: 'xxxx年' }
 */
export interface FillAllResult {
  applied: boolean;
  /** How many placeholders the edit replaced. */
  replaced: number;
  /** The key that was matched (`xxxx年`). */
  key?: string;
  /** Why nothing was applied: `closed`, `stale`, `no-placeholder`, or the client's reason. */
  reason?: string;
}

/** This module's capability: `executeCommandProvider` for the placeholders, fill-all and fix-rule commands. */
export function capabilities(): Partial<ServerCapabilities> {
  return { executeCommandProvider: { commands: [FILL_ALL_COMMAND, PLACEHOLDERS_COMMAND, FIX_RULE_COMMAND, EXPORT_DOCX_COMMAND] } };
}

/**
 * Handles `workspace/executeCommand` for the three server commands (unknown ones: `MethodNotFound`);
 * fills and fixes are applied through `workspace/applyEdit`.
 *
 * @example filling every `xxxx年` sends an edit labelled `填写全部“xxxx年”`
 */
export function register(ctx: ServerContext): void {
  ctx.connection.onExecuteCommand(async (params: ExecuteCommandParams) => {
    try {
      switch (params.command) {
        case PLACEHOLDERS_COMMAND:
          return placeholdersCommand(ctx, params.arguments ?? []);
        case FILL_ALL_COMMAND:
          return await fillAllCommand(ctx, params.arguments ?? []);
        case FIX_RULE_COMMAND:
          return await fixRuleCommand(ctx, params.arguments ?? []);
        case EXPORT_DOCX_COMMAND:
          return await exportDocxCommand(ctx, params.arguments ?? []);
        default:
          return new ResponseError(ErrorCodes.MethodNotFound, `unknown command ${params.command}`);
      }
    } catch (error) {
      if (error instanceof ResponseError) return error;
      ctx.connection.console.error(`gongwen: command ${params.command} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `gongwen: ${params.command} failed`);
    }
  });
}

function placeholdersCommand(ctx: ServerContext, args: unknown[]): PlaceholdersResult {
  const { uri } = readArgs(args, false);
  const doc = ctx.documents.get(uri);
  const analysis = ctx.analysisOf(uri);
  if (!doc || !analysis) return { uri, version: null, total: 0, placeholders: [] };
  const { model } = analysis;
  const placeholders = model.placeholders.slice(0, MAX_LISTED).map((p) => ({
    range: model.lines.rangeOf(p.start, p.end),
    text: p.text,
    key: keyText(model, p),
    form: p.form,
    confidence: p.confidence,
  }));
  return { uri, version: doc.version, total: model.placeholders.length, placeholders };
}

async function fillAllCommand(ctx: ServerContext, args: unknown[]): Promise<FillAllResult> {
  const { uri, offset, position, replacement, version } = readArgs(args, true);
  const doc = ctx.documents.get(uri);
  const analysis = ctx.analysisOf(uri);
  if (!doc || !analysis) return { applied: false, replaced: 0, reason: 'closed' };
  if (version !== undefined && version !== doc.version) return { applied: false, replaced: 0, reason: 'stale' };
  const { model } = analysis;
  const at = offset ?? model.lines.offsetAt(position!);
  const target = placeholderAt(model.placeholders, at);
  if (!target) return { applied: false, replaced: 0, reason: 'no-placeholder' };
  const key = matchKey(model, target);
  const edits: TextEdit[] = model.placeholders.filter((p) => matchKey(model, p) === key).map((p) => fillEdit(p, replacement!));
  const result = await ctx.connection.workspace.applyEdit({
    label: ctx.language() === 'zh' ? `填写全部“${keyText(model, target)}”` : `Fill every "${keyText(model, target)}"`,
    edit: workspaceEditOf(uri, model, edits),
  });
  return result.applied
    ? { applied: true, replaced: edits.length, key: keyText(model, target) }
    : { applied: false, replaced: 0, key: keyText(model, target), reason: result.failureReason ?? 'refused' };
}

/**
 * Answer of {@link FIX_RULE_COMMAND}, whose edit is labelled `修复全部“<ruleId>”问题`.
 *
 * @example { applied: true, fixed: 12 }
 */
export interface FixRuleResult {
  applied: boolean;
  /** How many findings' fixes the edit applied. */
  fixed: number;
  /** Why nothing was applied: `closed`, `stale`, `nothing-to-fix`, or the client's reason. */
  reason?: string;
}

async function fixRuleCommand(ctx: ServerContext, args: unknown[]): Promise<FixRuleResult> {
  const [uri, ruleId, version] = args;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'gongwen: the first argument must be a document URI');
  if (typeof ruleId !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'gongwen: the second argument must be a rule id');
  const doc = ctx.documents.get(uri);
  const analysis = ctx.analysisOf(uri);
  if (!doc || !analysis) return { applied: false, fixed: 0, reason: 'closed' };
  if (typeof version === 'number' && version !== doc.version) return { applied: false, fixed: 0, reason: 'stale' };
  const all = fixAllOf(analysis, ruleId);
  if (all.fixes === 0) return { applied: false, fixed: 0, reason: 'nothing-to-fix' };
  const result = await ctx.connection.workspace.applyEdit({
    label: ctx.language() === 'zh' ? `修复全部“${ruleId}”问题` : `Fix all ${ruleId} problems`,
    edit: workspaceEditOf(uri, analysis.model, all.edits),
  });
  return result.applied ? { applied: true, fixed: all.fixes } : { applied: false, fixed: 0, reason: result.failureReason ?? 'refused' };
}

interface CommandArgs {
  uri: string;
  offset?: number;
  position?: Position;
  replacement?: string;
  version?: number;
}

/** Accepts `[uri, offset | position, replacement, version?]` or `[{ uri, offset | position, replacement, version? }]`. */
function readArgs(args: unknown[], forFill: boolean): CommandArgs {
  const raw: Record<string, unknown> =
    args.length === 1 && typeof args[0] === 'object' && args[0] !== null && !Array.isArray(args[0])
      ? (args[0] as Record<string, unknown>)
      : { uri: args[0], at: args[1], replacement: args[2], version: args[3] };
  const invalid = (what: string) => new ResponseError(ErrorCodes.InvalidParams, `gongwen: ${what}`);
  if (typeof raw.uri !== 'string') throw invalid('the first argument must be a document URI');
  const out: CommandArgs = { uri: raw.uri };
  if (!forFill) return out;
  const at = raw.at ?? raw.offset ?? raw.position;
  if (typeof at === 'number' && Number.isInteger(at) && at >= 0) out.offset = at;
  else if (isPosition(at)) out.position = at;
  else throw invalid('the second argument must be an offset or a position');
  if (typeof raw.replacement !== 'string' || raw.replacement.length > MAX_REPLACEMENT) throw invalid(`the replacement must be a string of at most ${MAX_REPLACEMENT} characters`);
  out.replacement = raw.replacement;
  if (raw.version !== undefined && raw.version !== null) {
    if (typeof raw.version !== 'number') throw invalid('the version must be a number');
    out.version = raw.version;
  }
  return out;
}

function isPosition(value: unknown): value is Position {
  const p = value as Position | undefined;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0;
}

/** The placeholder under `offset`; a cursor just after a blank still counts as on it. */
export function placeholderAt(placeholders: readonly Placeholder[], offset: number): Placeholder | undefined {
  let touching: Placeholder | undefined;
  for (const p of placeholders) {
    if (p.start <= offset && offset < p.end) return p;
    if (p.end === offset) touching = p;
  }
  return touching;
}

/** The character after a blank when it is a unit that tells blanks apart (`年` `月` `个` `亿` `%`). */
function unitAfter(model: ReportModel, p: Placeholder): string {
  if (p.form === 'missing-number' || p.form === 'ellipsis-cut') return '';
  const c = model.text.charCodeAt(p.end);
  const isIdeo = (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
  return isIdeo || c === 0x25 /* % */ || c === 0xff05 /* ％ */ ? model.text[p.end] : '';
}

/** The blank with its unit, as shown to the user (`xxxx年`). */
function keyText(model: ReportModel, p: Placeholder): string {
  return p.text + unitAfter(model, p);
}

function matchKey(model: ReportModel, p: Placeholder): string {
  return `${p.form}\u0000${p.text}\u0000${unitAfter(model, p)}`;
}

/** Fills one blank: a missing number goes in front of its unit (`亿元`), other blanks are replaced. */
function fillEdit(p: Placeholder, replacement: string): TextEdit {
  return p.form === 'missing-number' ? { start: p.start, end: p.start, newText: replacement } : { start: p.start, end: p.end, newText: replacement };
}
