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
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAME, MAX_CONFIG_BYTES, normalizeRelativePath, parseConfig, RULE_IDS, type GongwenConfig } from '../engine';
import { exists, findConfigUpward, isInside } from '../files/find-config';
import { readRegularFile } from '../files/read-regular-file';

/**
 * Notification `gongwen/configText` `{ uri, text }` from the VS Code client: the text of a
 * `.gongwen.json` open in an editor (`text: null` once closed). A quick fix's edit of the file is
 * applied in the editor and may stay unsaved; the server checks with what the editor shows.
 */
export const CONFIG_TEXT_NOTIFICATION = 'gongwen/configText';

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
  /** Texts of config files open in the editor, by path. */
  private readonly overlays = new Map<string, { text: string; parsed?: Parsed }>();

  constructor(private readonly report: (path: string, problems: string[]) => void) {}

  /** The workspace folders (URIs), from `initialize` and folder changes. */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.map(pathOf).filter((p): p is string => p !== undefined);
  }

  /**
   * The text of a config file open in the editor (`undefined` once closed). Returns whether it
   * changes anything (a file opened as it is on disk does not).
   */
  setOverlay(uri: string, text: string | undefined): boolean {
    const path = pathOf(uri);
    if (!path) return false;
    const before = this.overlays.get(path)?.text;
    if (text === undefined) this.overlays.delete(path);
    else this.overlays.set(path, { text });
    return before !== text;
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
    // What the editor shows wins while it parses: half-typed JSON falls back to the file on disk,
    // and problems are left to the editor's own JSON validation.
    const overlay = this.overlays.get(path);
    if (overlay) {
      overlay.parsed ??= this.parse(overlay.text, 'overlay');
      if (overlay.parsed.config) return overlay.parsed;
      // Quick fixes must not edit text they cannot parse: `invalid` stays the editor's.
      return { ...this.readDisk(path), text: overlay.text, invalid: overlay.parsed.invalid };
    }
    return this.readDisk(path);
  }

  private readDisk(path: string): Parsed {
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
    const read = readRegularFile(path, MAX_CONFIG_BYTES);
    let parsed: Parsed;
    if (!read.ok) parsed = { stamp, invalid: read.reason };
    else {
      try {
        parsed = { ...this.parse(new TextDecoder('utf-8', { fatal: true }).decode(read.bytes), path), stamp };
      } catch {
        parsed = { stamp, invalid: 'not UTF-8 text / 不是 UTF-8 文本' };
        this.report(path, [parsed.invalid!]);
      }
    }
    if (!read.ok) this.report(path, [parsed.invalid!]);
    if (this.parsed.size > 100) this.parsed.clear();
    this.parsed.set(path, parsed);
    return parsed;
  }

  /** Parses a config text; `reportAs` names the file in problem reports, `overlay` reports nothing. */
  private parse(text: string, reportAs: string | 'overlay'): Parsed {
    // A file just created by a quick fix is empty for a moment: that is an empty config, not an error.
    const result = parseConfig(text.trim() === '' ? '{}' : text, RULE_IDS);
    const report = (problems: string[]) => reportAs !== 'overlay' && problems.length > 0 && this.report(reportAs, problems);
    if (!result.ok) {
      report([result.reason]);
      return { stamp: '', text, invalid: result.reason };
    }
    report(result.problems);
    return { stamp: '', text, config: result.config };
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
