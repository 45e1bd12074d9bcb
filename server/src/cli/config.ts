/**
 * `.gongwen.json`: the CLI's settings, the same keys as the editor's `gongwen.*` settings.
 *
 * @example {"rules": {"halfwidth-punctuation": "off"}, "kind": "gov-report"}
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defaultSettings, normalizeSettings, type GongwenSettings } from '../engine';

/** The CLI's config file name, looked for in the working directory and then its parents. */
export const CONFIG_FILE = '.gongwen.json';

/**
 * What {@link loadConfig} found: normalized settings with their problems (`path` absent when the
 * defaults were used), or why the file could not be used.
 *
 * @example { ok: false, reason: '/repo/.gongwen.json: invalid JSON / JSON 格式错误: …' }
 */
export type ConfigResult = { ok: true; settings: GongwenSettings; problems: string[]; path?: string } | { ok: false; reason: string };

/** Loads `explicit`, or the nearest `.gongwen.json` from `cwd` upwards; no file means defaults. */
export function loadConfig(explicit: string | undefined, cwd: string, ruleIds: readonly string[]): ConfigResult {
  const path = explicit ? resolve(cwd, explicit) : findUp(cwd);
  if (!path) return { ok: true, settings: defaultSettings(), problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { ok: false, reason: `${path}: ${error instanceof SyntaxError ? 'invalid JSON / JSON 格式错误: ' + error.message : 'cannot read / 无法读取'}` };
  }
  const { settings, problems } = normalizeSettings(raw, ruleIds);
  return { ok: true, settings, problems, path };
}

function findUp(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
