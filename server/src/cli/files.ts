/**
 * Which files a `gongwen check reports/` reads: report files in the folders given, without
 * following links out of those folders or into linked folders.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isInside } from '../files/find-config';

/** File endings a folder scan picks up. */
export const REPORT_EXTENSIONS = ['.txt', '.gongwen', '.md', '.docx'];

/** Most files one folder scan lists; a scan of `/` stops here. */
const MAX_FILES = 100000;

/**
 * What the paths of a command line stand for: files to read, paths that do not exist, and files
 * skipped with a reason (`reason` in both languages).
 */
export interface ExpandedPaths {
  found: string[];
  missing: string[];
  skipped: Array<{ path: string; reason: string }>;
}

/**
 * Files named directly (read whatever they are; the reader refuses non-regular files), and report
 * files (`.txt` `.gongwen` `.md`) in named folders, sorted by name. In a folder, hidden entries and
 * `node_modules` are passed over, linked folders are not entered (no loops), and a linked file is
 * read only when its target lies inside the folder given.
 *
 * @example expandPaths(['reports'], '/项目') // { found: ['/项目/reports/2023.txt', '/项目/reports/sub/2024.txt'], … }
 */
export function expandPaths(paths: readonly string[], cwd: string): ExpandedPaths {
  const result: ExpandedPaths = { found: [], missing: [], skipped: [] };
  for (const p of paths) {
    const full = resolve(cwd, p);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      result.missing.push(p);
      continue;
    }
    if (stat.isDirectory()) walk(full, realpathOrSelf(full), result);
    else result.found.push(full);
  }
  return result;
}

function walk(dir: string, root: string, result: ExpandedPaths): void {
  visit(dir, root, result);
  if (result.found.length >= MAX_FILES) result.skipped.push({ path: dir, reason: `more than ${MAX_FILES} report files, the rest skipped / 报告文件超过 ${MAX_FILES} 个，其余已跳过` });
}

/** Lists one folder in name order, entering subfolders where they sort (paths cap the depth at a few thousand). */
function visit(current: string, root: string, result: ExpandedPaths): void {
  let entries;
  try {
    entries = readdirSync(current, { withFileTypes: true });
  } catch (error) {
    result.skipped.push({ path: current, reason: `cannot list (${(error as NodeJS.ErrnoException).code ?? 'error'}) / 无法列出目录` });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (result.found.length >= MAX_FILES) return;
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(current, entry.name);
    // A linked folder is a Dirent link, not a directory: never entered, so no loops.
    if (entry.isDirectory()) visit(full, root, result);
    else if (REPORT_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
      if (entry.isSymbolicLink()) {
        if (!linkStaysInside(full, root)) {
          result.skipped.push({ path: full, reason: 'link leads outside the folder, skipped / 链接指向目录之外，已跳过' });
          continue;
        }
        if (isLinkedFolder(full)) continue;
      }
      result.found.push(full);
    }
  }
}

function linkStaysInside(link: string, root: string): boolean {
  try {
    return isInside(root, realpathSync(link));
  } catch {
    return true; // a dangling link: the reader says "no such file"
  }
}

function isLinkedFolder(link: string): boolean {
  try {
    return lstatSync(link).isSymbolicLink() && statSync(link).isDirectory();
  } catch {
    return false;
  }
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
