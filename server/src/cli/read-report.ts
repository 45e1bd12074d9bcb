/**
 * Reads a report file in the encodings Chinese government text comes in: UTF-8 (with or without
 * BOM), UTF-16 with BOM, and GB18030/GBK; Word documents (`.docx`) as the text a reader sees, and
 * Markdown (`.md`) as the report text inside it, at the same positions.
 */
import { readRegularFile } from '../files/read-regular-file';
import { NOT_DOCX, readDocx, type WordLine } from '../formats/docx-reader';
import { projectMarkdown } from '../formats/markdown-projection';

/** Larger report files are refused unread (exit 3): the largest compilations seen are about 20 MB. */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

/**
 * A decoded file, or why it could not be read. `text` is what the engine analyses; for Markdown,
 * `source` is the file as written (same length as `text`); for Word, `wordLines[i]` says where line
 * `i` of `text` is in the document.
 */
export type ReadResult =
  | { ok: true; text: string; encoding: string; format?: ReportFormat; source?: string; wordLines?: WordLine[] }
  | { ok: false; reason: string };

/** The file formats the CLI reads a report from. */
export type ReportFormat = 'text' | 'markdown' | 'docx';

/**
 * The format of a report file, from its name.
 *
 * @example formatOf('2023年工作总结.docx') // 'docx'
 */
export function formatOf(path: string): ReportFormat | 'doc' {
  const lower = path.toLowerCase();
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.doc')) return 'doc';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  return 'text';
}

/**
 * Decodes bytes; refuses binary data instead of guessing.
 *
 * @example decodeReport(Buffer.from([0xd6, 0xd0, 0xce, 0xc4])) // { ok: true, text: '中文', encoding: 'gb18030' }
 */
export function decodeReport(bytes: Uint8Array): ReadResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8', 'utf-8 (BOM)');
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le', 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be', 'utf-16be');
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not a text report / 二进制文件，不是文本报告' };
  const utf8 = decode(bytes, 'utf-8', 'utf-8');
  if (utf8.ok) return utf8;
  const gb = decode(bytes, 'gb18030', 'gb18030');
  if (gb.ok) return gb;
  return { ok: false, reason: 'neither UTF-8 nor GB18030/GBK text / 既不是 UTF-8 也不是 GB18030/GBK 编码的文本' };
}

function decode(bytes: Uint8Array, encoding: string, label: string): ReadResult {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding: label };
  } catch {
    return { ok: false, reason: `not valid ${label}` };
  }
}

/**
 * Reads and decodes a regular file of at most {@link MAX_REPORT_BYTES} by its format; I/O errors,
 * FIFOs, devices and oversized files become a reason, not an exception or a hang.
 *
 * @example readReport('草稿.md') // { ok: true, format: 'markdown', text: '   一、总体要求\n…', source: '## 一、总体要求\n…' }
 */
export function readReport(path: string): ReadResult {
  const format = formatOf(path);
  if (format === 'doc') return { ok: false, reason: NOT_DOCX.doc };
  const read = readBytes(path);
  if (!read.ok) return read;
  if (format === 'docx') {
    const word = readDocx(read.bytes);
    return word.ok ? { ok: true, text: word.text, encoding: 'docx', format, wordLines: word.lines } : word;
  }
  const decoded = decodeReport(read.bytes);
  if (!decoded.ok || format === 'text') return decoded.ok ? { ...decoded, format } : decoded;
  return { ...decoded, format, source: decoded.text, text: projectMarkdown(decoded.text) };
}

function readBytes(path: string): { ok: true; bytes: Buffer } | { ok: false; reason: string } {
  const read = readRegularFile(path, MAX_REPORT_BYTES);
  return read.ok ? read : { ok: false, reason: read.reason };
}
