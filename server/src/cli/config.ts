/**
 * `.gongwen.json` for the CLI: which file, read safely, parsed by the engine (`config-file.ts`).
 *
 * @example {"rules": {"halfwidth-punctuation": "off"}, "overrides": [{"files": ["drafts/**"], "rules": {"section-missing": "off"}}]}
 */
import { dirname, relative, resolve } from 'node:path';
import { defaultSettings, emptyConfig, MAX_CONFIG_BYTES, normalizeRelativePath, parseConfig, type GongwenConfig, type GongwenSettings } from '../engine';
import { findConfigUpward, isInside } from '../files/find-config';
import { readRegularFile } from '../files/read-regular-file';

export { CONFIG_FILE_NAME as CONFIG_FILE } from '../engine';

/**
 * What {@link loadConfig} found: the settings of the file over the defaults, the whole config
 * (overrides, ignore, words) and its problems (`path` absent when there is no config file), or why
 * the file could not be used.
 *
 * @example { ok: false, reason: '/repo/.gongwen.json: invalid JSON / JSON 格式错误: …' }
 */
export type ConfigResult =
  | { ok: true; settings: GongwenSettings; config: GongwenConfig; problems: string[]; path?: string }
  | { ok: false; reason: string };

/**
 * Loads `explicit`, or the nearest `.gongwen.json` from `cwd` upwards, no further than the project
 * root (the nearest folder holding `.git`; with none, `cwd` only). No file means defaults.
 */
export function loadConfig(explicit: string | undefined, cwd: string, ruleIds: readonly string[]): ConfigResult {
  const path = explicit ? resolve(cwd, explicit) : findConfigUpward(cwd);
  if (!path) return { ok: true, settings: defaultSettings(), config: emptyConfig(), problems: [] };
  const read = readRegularFile(path, MAX_CONFIG_BYTES);
  if (!read.ok) return { ok: false, reason: `${path}: ${read.reason}` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    return { ok: false, reason: `${path}: not UTF-8 text / 不是 UTF-8 文本` };
  }
  const parsed = parseConfig(text, ruleIds);
  if (!parsed.ok) return { ok: false, reason: `${path}: ${parsed.reason}` };
  const { rules, ...rest } = parsed.config.settings;
  const settings: GongwenSettings = { ...defaultSettings(), ...rest, rules: { ...rules } };
  return { ok: true, settings, config: parsed.config, problems: parsed.problems, path };
}

/**
 * {@link loadConfig} for a command: says on stderr which file applies (a stray one must never
 * silence a check unnoticed) and what in it was ignored; `undefined`, after saying why, when the
 * file cannot be used (exit 3).
 *
 * @example loadConfigAnnounced(undefined, io, RULE_IDS) // stderr: `gongwen: 配置文件: /repo/.gongwen.json`
 */
export function loadConfigAnnounced(
  explicit: string | undefined,
  io: { cwd: string; language: 'zh' | 'en'; err(text: string): void },
  ruleIds: readonly string[],
): Extract<ConfigResult, { ok: true }> | undefined {
  const config = loadConfig(explicit, io.cwd, ruleIds);
  if (!config.ok) {
    io.err(`gongwen: ${config.reason}\n`);
    return undefined;
  }
  if (config.path) io.err(`gongwen: ${io.language === 'zh' ? '配置文件' : 'config'}: ${config.path}\n`);
  for (const problem of config.problems) io.err(`gongwen: ${config.path}: ${problem}\n`);
  return config;
}

/**
 * A report's path as the config file's overrides and ignore entries name it: relative to the
 * config file's folder, `/`-separated; `undefined` for a file outside that folder (or without a config).
 *
 * @example pathForConfig('/repo/.gongwen.json', '/repo/reports/2024.txt') // 'reports/2024.txt'
 */
export function pathForConfig(configPath: string | undefined, file: string): string | undefined {
  if (!configPath) return undefined;
  const folder = dirname(configPath);
  return isInside(folder, file) ? normalizeRelativePath(relative(folder, file)) : undefined;
}
