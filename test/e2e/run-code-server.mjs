#!/usr/bin/env node
// Runs the real-editor suite in code-server (the VS Code 1.139 workbench served to a browser, with
// a Node extension host), driven by headless Chromium through playwright-core.
//
//   1. installs the packaged .vsix into a scratch --extensions-dir (`code-server --install-extension`)
//   2. starts code-server on 127.0.0.1:<free port> with the smoke-test driver enabled
//   3. opens the scratch workspace with a payload naming the suite (extensionTestsPath; and
//      extensionDevelopmentPath = the folder the .vsix was installed to, which the extension host
//      needs to run extension tests), waits for the suite's JSON results
//   4. in a fresh browser context (the installed extension, no test payload), checks the workbench
//      UI through keyboard and DOM (ui-checks.mjs: Outline view, Problems panel, status bar, suggest
//      widget, quick-fix menu, Alt+], Fill All…), with screenshots to test-results/screenshots/
//   5. stops Chromium and code-server (always), prints `e2e: N passed, M failed, K skipped` and
//      exits non-zero when a test failed or no results came.
//
// Options: --vsix FILE (default <repo>/<name>-<version>.vsix)   --timeout SECONDS (default 240)
//          --no-screenshots (skip step 4)   --filter REGEX   --pending (also run pending tests)
// Needs scripts/e2e/setup.sh to have run. Scratch state and logs: <repo>/.e2e/code-server/.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { buildSuite } from './build-suite.mjs';
import {
  defaultCorpusDir, freePort, log, readPackageJson, readResults, report, repoRoot, scratch, setupEnv, sleep,
  writeSuiteConfig,
} from './lib.mjs';
import { runUiChecks, writeUiFixtures } from './ui-checks.mjs';

function parseArgs(argv) {
  const pkg = readPackageJson();
  const o = {
    vsix: path.join(repoRoot, `${pkg.name}-${pkg.version}.vsix`),
    timeoutS: 240,
    screenshots: true,
    filter: undefined,
    pending: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--vsix') o.vsix = path.resolve(argv[++i]);
    else if (a === '--timeout') o.timeoutS = Number(argv[++i]);
    else if (a === '--no-screenshots') o.screenshots = false;
    else if (a === '--filter') o.filter = argv[++i];
    else if (a === '--pending') o.pending = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (e) {
      log(`cleanup: ${e.message}`);
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    log(`${sig}: stopping`);
    await cleanup();
    process.exit(130);
  });
}

/** Environment for code-server: Node 24 first on PATH, HOME/XDG in scratch, nothing inherited
 *  that would make it talk to another VS Code instance or to npm. */
function codeServerEnv(setup, dir) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('npm_') || k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE' || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  const home = path.join(dir, 'home');
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    PATH: `${path.dirname(setup.GONGWEN_E2E_NODE24)}:${process.env.PATH}`,
  });
  for (const k of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME']) fs.mkdirSync(env[k], { recursive: true });
  return env;
}

/** Stops a process group started with detached: true: SIGTERM, then SIGKILL after 5 s. */
async function killGroup(child, name) {
  if (child.exitCode !== null || child.signalCode !== null) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group gone */ }
    return;
  }
  const exited = new Promise((r) => child.once('exit', r));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
  const t = await Promise.race([exited.then(() => 'exited'), sleep(5000).then(() => 'timeout')]);
  // Children (extension host, language server) may outlive the leader: kill what is left.
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group gone */ }
  log(`${name} stopped${t === 'timeout' ? ' (killed)' : ''}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const setup = setupEnv();
  if (!fs.existsSync(opts.vsix)) throw new Error(`${opts.vsix} not found: run \`npm run package\` first`);

  const dir = scratch('code-server');
  const logs = path.join(dir, 'logs');
  const userData = path.join(dir, 'user-data');
  const extensions = path.join(dir, 'extensions');
  const workspace = path.join(dir, 'workspace');
  for (const d of [logs, path.join(userData, 'User'), extensions, workspace]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'editor.minimap.enabled': false,
    'window.commandCenter': false,
    'files.exclude': { '**/.e2e-*.json': true },
  }, null, 2));
  const env = codeServerEnv(setup, dir);
  const cs = setup.GONGWEN_E2E_CODE_SERVER;
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];

  const suite = await buildSuite();
  const resultsFile = path.join(workspace, '.e2e-results.json');
  writeSuiteConfig(workspace, { resultsFile, runPending: opts.pending, filter: opts.filter });
  // The documents the workbench UI checks open (the suite writes and copies its own).
  writeUiFixtures(workspace, defaultCorpusDir);

  log(`installing ${path.relative(repoRoot, opts.vsix)} into ${path.relative(repoRoot, extensions)}`);
  const inst = spawnSync(cs, [...common, '--install-extension', opts.vsix, '--force'], { env, encoding: 'utf8', timeout: 120_000 });
  fs.writeFileSync(path.join(logs, 'install-extension.log'), `${inst.stdout}\n${inst.stderr}`);
  if (inst.status !== 0) throw new Error(`--install-extension failed (${inst.status}): ${inst.stderr || inst.stdout}`);
  const installed = fs.readdirSync(extensions).find((d) => fs.existsSync(path.join(extensions, d, 'package.json')) && d.startsWith(`${readPackageJson().publisher}.`));
  if (!installed) throw new Error(`the extension did not appear in ${extensions}`);
  const extDir = path.join(extensions, installed);
  log(`installed as ${installed}`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const csLog = fs.openSync(path.join(logs, 'code-server.log'), 'w');
  const server = spawn(cs, [
    ...common,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver',
    workspace,
  ], { env, detached: true, stdio: ['ignore', csLog, csLog] });
  cleanups.push(() => killGroup(server, 'code-server'));
  let serverExit;
  server.on('exit', (code, sig) => { serverExit = `code-server exited (${code ?? sig})`; });

  const healthDeadline = Date.now() + 30_000;
  for (;;) {
    if (serverExit) throw new Error(`${serverExit}; see ${path.join(logs, 'code-server.log')}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch { /* not yet */ }
    if (Date.now() > healthDeadline) throw new Error('code-server did not answer /healthz within 30 s');
    await sleep(200);
  }
  log(`code-server ${base} up after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const browser = await chromium.launch({
    executablePath: setup.GONGWEN_E2E_CHROMIUM,
    headless: true,
    env: env, // HOME/XDG in scratch: Chromium's crash reporter would otherwise create ~/.config/chromium
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-crash-reporter',
    ], // no --user-data-dir: playwright gives every launch a fresh profile
  });
  cleanups.push(async () => { await browser.close(); log('chromium stopped'); });

  // --- the suite ---------------------------------------------------------------------------------
  const consoleLog = fs.createWriteStream(path.join(logs, 'browser-console.log'));
  cleanups.push(() => new Promise((r) => consoleLog.end(r)));
  let consoleResults;
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  page.on('console', (msg) => {
    const text = msg.text();
    consoleLog.write(`[${msg.type()}] ${text}\n`);
    const i = text.indexOf('GONGWEN_E2E_RESULTS ');
    if (i >= 0) {
      try { consoleResults = JSON.parse(text.slice(i + 'GONGWEN_E2E_RESULTS '.length)); } catch { /* partial line */ }
    }
    if (text.includes('[gongwen-e2e]')) log(`ext host: ${text.slice(text.indexOf('[gongwen-e2e]') + 14)}`);
  });
  page.on('pageerror', (err) => consoleLog.write(`[pageerror] ${err.message}\n`));
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extDir)], ['extensionTestsPath', remote(suite)]];
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

  const deadline = Date.now() + opts.timeoutS * 1000;
  let results;
  for (;;) {
    results = readResults(resultsFile) ?? consoleResults;
    if (results) break;
    if (serverExit) { log(serverExit); break; }
    if (Date.now() > deadline) { log(`no results after ${opts.timeoutS} s`); break; }
    await sleep(250);
  }
  log(`suite finished after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await ctx.close();

  // --- workbench UI checks and screenshots ---------------------------------------------------------
  if (opts.screenshots && !serverExit) {
    const outDir = path.join(repoRoot, 'test-results', 'screenshots');
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    const facts = readResults(path.join(workspace, '.e2e-facts.json')) ?? {};
    let ui = [];
    try {
      ui = await runUiChecks(browser, { base, workspace, outDir, corpusDir: defaultCorpusDir, facts, filter: opts.filter });
    } catch (e) {
      ui = [{ file: 'workbench-ui', name: 'the workbench opens', status: 'failed', durationMs: 0, error: e.stack ?? String(e) }];
    }
    if (results) {
      results.tests = [...(results.tests ?? []), ...ui];
      for (const k of ['passed', 'failed', 'skipped']) results[k] += ui.filter((t) => t.status === k).length;
    }
  }

  await cleanup();
  if (results) {
    const keep = path.join(repoRoot, 'test-results', 'e2e-results.json');
    fs.mkdirSync(path.dirname(keep), { recursive: true });
    fs.writeFileSync(keep, JSON.stringify(results, null, 2));
  }
  log(`logs in ${path.relative(repoRoot, logs)}; total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return report(results, 'e2e');
}

main().then(
  (code) => process.exit(code),
  async (e) => {
    console.error(`e2e: error: ${e.stack ?? e.message}`);
    await cleanup();
    console.log('e2e: 0 passed, 1 failed, 0 skipped');
    process.exit(1);
  },
);
