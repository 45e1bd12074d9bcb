/**
 * `.gongwen.json` for the language server: which file applies to a document, read safely from disk
 * and parsed by the engine (`config-file.ts`), re-read when it changes.
 *
 * A document inside a workspace folder uses the nearest `.gongwen.json` from its own folder up to
 * that workspace folder; a new one is created at the workspace folder's root. A document outside
 * every workspace folder (a single file opened alone) uses the `.gongwen.json` beside it, and a new
 * one is created there.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAME, MAX_CONFIG_BYTES, normalizeRelativePath, parseConfig, RULE_IDS, type GongwenConfig } from '../engine';
import { findConfigUpward, isInside } from '../files/find-config';
import { readRegularFile } from '../files/read-regular-file';
import { relative } from 'node:path';

/**
 * The config of one document.
 *
 * @example { path: '/项目/.gongwen.json', target: '/项目/.gongwen.json', relativePath: 'reports/2024.txt', config: {…}, text: '{…}' }
 */
export interface DocumentConfig {
  /** The `.gongwen.json` that applies, if there is one. */
  path?: string;
  /** Where quick fixes write: `path`, or where a new file would go. */
  target: string;
  /** The document's path relative to the target's folder, `/`-separated. */
  relativePath?: string;
  /** The parsed file; absent when there is none or it is invalid. */
  config?: GongwenConfig;
  /** The file's text as read (to edit it); absent when there is none. */
  text?: string;
  /** Why the file cannot be used, if it cannot. */
  invalid?: string;
}

interface Parsed {
  stamp: string;
  text?: string;
  config?: GongwenConfig;
  invalid?: string;
}

/** Finds, reads and caches config files; `report` hears each file's problems once per change. */
export class ConfigFiles {
  private folders: string[] = [];
  private readonly parsed = new Map<string, Parsed>();

  constructor(private readonly report: (path: string, problems: string[]) => void) {}

  /** The workspace folders (URIs), from `initialize` and folder changes. */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.map(pathOf).filter((p): p is string => p !== undefined);
  }

  /** Forgets parsed files (after `workspace/didChangeWatchedFiles`). */
  clear(): void {
    this.parsed.clear();
  }

  /** The config of the document at `uri`, or `undefined` when it is not a file on disk. */
  forDocument(uri: string): DocumentConfig | undefined {
    const file = pathOf(uri);
    if (!file) return undefined;
    const folder = this.folders.filter((f) => isInside(f, file)).sort((a, b) => b.length - a.length)[0];
    const here = dirname(file);
    const path = folder ? findConfigUpward(here, folder) : exists(join(here, CONFIG_FILE_NAME)) ? join(here, CONFIG_FILE_NAME) : undefined;
    const target = path ?? join(folder ?? here, CONFIG_FILE_NAME);
    const relativePath = isInside(dirname(target), file) ? normalizeRelativePath(relative(dirname(target), file)) : undefined;
    if (!path) return { target, relativePath };
    const parsed = this.read(path);
    return { path, target, relativePath, config: parsed.config, text: parsed.text, invalid: parsed.invalid };
  }

  private read(path: string): Parsed {
    // Re-read when the file changed, even where the client sends no file events.
    let stamp = '';
    try {
      const s = statSync(path);
      stamp = `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      // gone since it was found: read() reports it
    }
    const hit = this.parsed.get(path);
    if (hit && hit.stamp === stamp && stamp !== '') return hit;
    const parsed: Parsed = { stamp };
    const read = readRegularFile(path, MAX_CONFIG_BYTES);
    if (!read.ok) parsed.invalid = read.reason;
    else {
      try {
        parsed.text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
        const result = parseConfig(parsed.text, RULE_IDS);
        if (result.ok) {
          parsed.config = result.config;
          if (result.problems.length) this.report(path, result.problems);
        } else parsed.invalid = result.reason;
      } catch {
        parsed.invalid = 'not UTF-8 text / 不是 UTF-8 文本';
      }
    }
    if (parsed.invalid) this.report(path, [parsed.invalid]);
    if (this.parsed.size > 100) this.parsed.clear();
    this.parsed.set(path, parsed);
    return parsed;
  }
}

/** The file path of a `file:` URI, or `undefined` for any other scheme (untitled, virtual files). */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

function exists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
