/**
 * Entry point of `dist/cli.js` (the `gongwen` command).
 */
import { runCli } from './cli';
import { isExportCommand, runExport } from './export-command';

declare const __VERSION__: string;

// `gongwen check … | head`: once the reader is gone, stop quietly instead of dying with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const language = /^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'zh' : 'en';
const color = !!process.stdout.isTTY && !process.env.NO_COLOR;
const io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s), color, language, cwd: process.cwd() } as const;
const argv = process.argv.slice(2);
// export writes a .docx, which the writer packs asynchronously; the other commands stay synchronous.
if (isExportCommand(argv)) void runExport(argv.slice(1), io).then((code) => (process.exitCode = code));
else process.exitCode = runCli(argv, io, typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0');
