/**
 * Reading files a user did not necessarily mean to hand over: only regular files, size-checked
 * before reading and read with a cap, so a FIFO, `/dev/zero` or a file that grows while read
 * cannot hang the reader or eat memory. Shared by the CLI and the language server.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** The bytes of a regular file, or why they were not read (`reason` in both languages). */
export type FileRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; problem: 'missing' | 'directory' | 'not-regular' | 'too-large' | 'unreadable'; reason: string };

/**
 * Reads a regular file of at most `maxBytes`. The file is opened non-blocking (opening a FIFO
 * would otherwise wait for a writer) and checked with `fstat` on the open descriptor, so a
 * symlink swapped in between cannot slip a device through.
 *
 * @example readRegularFile('/dev/zero', 1024) // { ok: false, problem: 'not-regular', reason: 'not a regular file (character device) / 不是普通文件（字符设备）' }
 */
export function readRegularFile(path: string, maxBytes: number): FileRead {
  // Refuse what is plainly not a file before opening it: opening some devices does something.
  try {
    const refused = refusal(statSync(path), maxBytes);
    if (refused) return refused;
  } catch (error) {
    return failure(error);
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return failure(error);
  }
  try {
    // Again on the open descriptor: the path may have been swapped for a link to a device meanwhile.
    const stat = fstatSync(fd);
    const refused = refusal(stat, maxBytes);
    if (refused) return refused;
    // Read one byte past the limit: a file that grew since `fstat` is refused, not read forever.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) return tooLarge(length, maxBytes);
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) return tooLarge(length, maxBytes);
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return failure(error);
  } finally {
    closeSync(fd);
  }
}

/** Why a file with these stats is not read, or `undefined` when it may be. */
function refusal(stat: Stats, maxBytes: number): FileRead | undefined {
  if (stat.isDirectory()) return { ok: false, problem: 'directory', reason: 'is a directory / 是目录' };
  if (!stat.isFile()) {
    const [en, zh] = stat.isFIFO() ? ['FIFO', '管道'] : stat.isCharacterDevice() ? ['character device', '字符设备'] : stat.isBlockDevice() ? ['block device', '块设备'] : stat.isSocket() ? ['socket', '套接字'] : ['special file', '特殊文件'];
    return { ok: false, problem: 'not-regular', reason: `not a regular file (${en}), skipped / 不是普通文件（${zh}），已跳过` };
  }
  if (stat.size > maxBytes) return tooLarge(stat.size, maxBytes);
  return undefined;
}

/** `12.5 MB`, for messages about sizes. */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

function tooLarge(size: number, maxBytes: number): FileRead {
  const limit = megabytes(maxBytes);
  return { ok: false, problem: 'too-large', reason: `too large (${megabytes(size)}, the limit is ${limit}), not read / 文件过大（${megabytes(size)}，上限 ${limit}），未读取` };
}

function failure(error: unknown): FileRead {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: 'missing', reason: 'no such file / 文件不存在' };
  if (code === 'EISDIR') return { ok: false, problem: 'directory', reason: 'is a directory / 是目录' };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, problem: 'unreadable', reason: 'permission denied / 没有读取权限' };
  return { ok: false, problem: 'unreadable', reason: `cannot read (${code ?? (error instanceof Error ? error.message : String(error))}) / 无法读取` };
}
