/**
 * Where `.gongwen.json` is looked for: from a folder upwards, but never past the project root,
 * so a stray config file somewhere above the project cannot silence it.
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAME } from '../engine/config-file';

/**
 * The nearest `.gongwen.json` from `from` upwards, stopping at the first folder that holds `.git`
 * (the project root), at `stopAt` (a workspace folder), or, when neither lies above `from`, at
 * `from` itself. Each stop folder is searched too.
 *
 * @example findConfigUpward('/home/王/项目/reports') // '/home/王/项目/.gongwen.json' when /home/王/项目 holds .git
 */
export function findConfigUpward(from: string, stopAt?: string): string | undefined {
  const start = resolve(from);
  const stop = stopAt !== undefined && isInside(resolve(stopAt), start) ? resolve(stopAt) : projectRootOf(start, stopAt);
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (exists(candidate)) return candidate;
    if (dir === stop || dirname(dir) === dir) return undefined;
  }
}

/** The nearest folder from `start` upwards that holds `.git`, or `start` when there is none. */
function projectRootOf(start: string, stopAt?: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (exists(join(dir, '.git'))) return dir;
    if (dir === stopAt || dirname(dir) === dir) return start;
  }
}

/** Whether `path` is `folder` or lies inside it. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

/** Whether something is at `path` (a file, folder, FIFO…): what is there is then reported, not passed over. */
export function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
