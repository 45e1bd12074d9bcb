// Entry point of the real-editor suite, to the @vscode/test-electron contract: the extension host
// loads this module (extensionTestsPath) and awaits run().
//
// The extension host may report exit code 0 even when run() throws (it does under code-server), so
// run() also writes its results as JSON to config().resultsFile (default
// <workspace>/.e2e-results.json; env GONGWEN_E2E_RESULTS) and logs them on one console line
// starting with `GONGWEN_E2E_RESULTS `. The drivers read those and set their own exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { registeredTests, runAll, type TestResult } from './harness';
import { config } from './util';

// Test files, in the order they run. A new file must be imported here.
import './language.test';
import './outline.test';
import './folding.test';
import './selection.test';
import './diagnostics.test';
import './quickfix.test';
import './completion.test';
import './hover.test';
import './snippets.test';
import './commands.test';
import './silence.test';
import './formats.test';

export interface E2EResults {
  passed: number;
  failed: number;
  skipped: number;
  tests: TestResult[];
  error?: string;
  vscodeVersion: string;
  extension?: { id: string; version: string; path: string };
  startedAt: string;
  finishedAt: string;
}

function writeResults(file: string, results: E2EResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, file); // atomic: a driver polling for the file never sees half of it
}

export async function run(): Promise<void> {
  const startedAt = new Date().toISOString();
  const log = (line: string) => console.log(`[gongwen-e2e] ${line}`);
  let tests: TestResult[] = [];
  let error: string | undefined;
  let resultsFile = path.join(process.cwd(), '.e2e-results.json');
  let ext: vscode.Extension<unknown> | undefined;
  try {
    const cfg = config();
    resultsFile = cfg.resultsFile;
    ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'gongwen');
    log(`VS Code ${vscode.version}; extension ${ext ? `${ext.id}@${ext.packageJSON.version} at ${ext.extensionPath}` : 'NOT FOUND'}`);
    log(`corpus ${cfg.corpusDir}${fs.existsSync(cfg.corpusDir) ? '' : ' (absent: tests that need it are skipped)'}`);
    tests = await runAll(registeredTests(), {
      runPending: cfg.runPending,
      filter: cfg.filter ? new RegExp(cfg.filter) : undefined,
      log,
    });
  } catch (e) {
    error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    log(`suite crashed: ${error}`);
  }
  const results: E2EResults = {
    passed: tests.filter((t) => t.status === 'passed').length,
    failed: tests.filter((t) => t.status === 'failed').length + (error ? 1 : 0),
    skipped: tests.filter((t) => t.status === 'skipped').length,
    tests,
    error,
    vscodeVersion: vscode.version,
    extension: ext && { id: ext.id, version: String(ext.packageJSON.version), path: ext.extensionPath },
    startedAt,
    finishedAt: new Date().toISOString(),
  };
  try {
    writeResults(resultsFile, results);
  } catch (e) {
    log(`could not write ${resultsFile}: ${e}`);
  }
  console.log(`GONGWEN_E2E_RESULTS ${JSON.stringify(results)}`);
  log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
  if (results.failed > 0) throw new Error(`${results.failed} real-editor test(s) failed`);
}
