#!/usr/bin/env node
// Runs the real-editor suite under desktop VS Code with @vscode/test-electron (the standard way,
// for a machine that has VS Code or can download it). On these build machines VS Code cannot be
// downloaded: this says so and exits 2; use run-code-server.mjs there.
//
//   node test/e2e/run-electron.mjs [--vscode PATH_TO_CODE_EXECUTABLE] [--version stable|1.xx.y]
//        [--filter REGEX] [--pending]
// (or VSCODE_EXECUTABLE=...). Loads the extension from the repository (extensionDevelopmentPath =
// the repo root, so run `npm run build` first). On Linux without a display run it under xvfb-run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { buildSuite } from './build-suite.mjs';
import { log, readResults, report, repoRoot, scratch, writeSuiteConfig } from './lib.mjs';

const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

async function main() {
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js missing: run `npm run build` first');
  let vscodeExecutablePath = opt('--vscode') ?? process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    const version = opt('--version') ?? 'stable';
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: path.join(repoRoot, '.e2e', 'vscode-test') });
    } catch (e) {
      const msg = e?.message ?? String(e);
      const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|socket hang up|Failed to get|status code|certificate/i.test(msg);
      console.log(`e2e(electron): cannot download VS Code ${version}${offline ? ' (no network access to the VS Code update service)' : ''}: ${msg.split('\n')[0]}`);
      console.log('e2e(electron): pass --vscode /path/to/code (or VSCODE_EXECUTABLE), or run `node test/e2e/run-code-server.mjs` instead.');
      return 2;
    }
  }
  const dir = scratch('electron');
  const workspace = path.join(dir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  const resultsFile = path.join(workspace, '.e2e-results.json');
  writeSuiteConfig(workspace, { resultsFile, runPending: argv.includes('--pending') || undefined, filter: opt('--filter') });
  const extensionTestsPath = await buildSuite();
  const launchArgs = [
    workspace,
    '--disable-extensions', // other extensions; the one under development still loads
    '--disable-workspace-trust',
    '--skip-welcome',
    '--skip-release-notes',
    '--user-data-dir', path.join(dir, 'user-data'),
    '--extensions-dir', path.join(dir, 'extensions'),
  ];
  if (process.platform === 'linux' && process.getuid?.() === 0) launchArgs.push('--no-sandbox');
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs,
      extensionTestsEnv: { GONGWEN_E2E_RESULTS: resultsFile },
    });
  } catch (e) {
    log(`VS Code exited with an error: ${e?.message ?? e}`); // the results file says what failed
  }
  return report(readResults(resultsFile), 'e2e');
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`e2e(electron): error: ${e.stack ?? e.message}`);
    console.log('e2e: 0 passed, 1 failed, 0 skipped');
    process.exit(1);
  },
);
