/**
 * Entry point of `dist/cli.js` (the `gongwen` command).
 */
import { runCli } from './cli';

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
const code = runCli(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), color, language, cwd: process.cwd() }, typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0');
process.exitCode = code;
