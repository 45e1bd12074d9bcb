/**
 * The shape of a diagnostic rule. Each rule has one id, used as the diagnostic `code`, the
 * setting key (`gongwen.rules.<id>`) and the documentation anchor (`README.md#<id>`).
 */
import type { ReportModel } from '../model';
import type { GongwenSettings } from '../settings';

/** How loudly a rule speaks; `off` silences it. */
export type Severity = 'off' | 'hint' | 'info' | 'warning' | 'error';

/** All severities, from silent to loudest. */
export const SEVERITIES: readonly Severity[] = ['off', 'hint', 'info', 'warning', 'error'];

/**
 * User-facing text in both languages; the server picks one by the editor's locale.
 *
 * @example `{ zh: '未填写的占位符“xx”', en: 'Unfilled placeholder "xx"' }`
 */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** A replacement of `text.slice(start, end)` by `newText`, in UTF-16 offsets. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * A fix a user can apply from the light bulb.
 *
 * @example renumber `四、` to `三、`: `{ title: { zh: '改为“三、”', en: 'Change to "三、"' }, edits: [...], safe: true }`
 */
export interface Fix {
  title: LocalizedText;
  edits: TextEdit[];
  /** Safe fixes only touch what the rule is about and are applied by `source.fixAll.gongwen`. */
  safe: boolean;
  /** Preferred fixes are offered first and by "auto fix". */
  preferred?: boolean;
}

/**
 * One problem a rule found.
 */
export interface Finding {
  ruleId: string;
  start: number;
  end: number;
  message: LocalizedText;
  /** A severity for this finding only, lower than the rule's default (e.g. medium-confidence placeholders). */
  severity?: Exclude<Severity, 'off'>;
  fixes?: Fix[];
  /** Text a "fix all like this" command can match (e.g. the placeholder `xxxx年`). */
  data?: Record<string, unknown>;
}

/**
 * A diagnostic rule: reads the shared model, never parses again.
 */
export interface Rule {
  id: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  /** One-line summary shown in settings and the README. */
  title: LocalizedText;
  check(model: ReportModel, settings: GongwenSettings): Finding[];
}
