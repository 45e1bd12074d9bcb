import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'gongwen-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * A copy of the repository as a fresh clone has it after `npm ci`: the tracked (and new, not
 * ignored) files, `node_modules` linked in, and no `dist/` — so packaging must build what it packs.
 */
function freshCheckout(): string {
  const root = join(dir, 'clone');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(REPO, file))) continue; // deleted in the work tree, not yet committed
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(REPO, file), join(root, file));
  }
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}
const clone = freshCheckout();

describe('packaging from a fresh clone (no dist/)', () => {
  it('has no dist/ to start with', () => {
    expect(existsSync(join(clone, 'dist'))).toBe(false);
  });

  it('`npm pack` builds dist/, and `npx ./gongwen-<version>.tgz` runs the CLI from it, with no runtime dependencies', () => {
    const out = execFileSync(npm, ['pack', '--json', '--pack-destination', dir], { cwd: clone, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [packed] = JSON.parse(out.slice(out.indexOf('[')));
    const files = packed.files.map((f: { path: string }) => f.path).sort();
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('dist/server.js');
    expect(files.some((f: string) => f.startsWith('server/') || f.startsWith('test/') || f.endsWith('.map'))).toBe(false);
    // The bin is executable in the tarball too (a tar extracted by hand, not only through npm).
    const mode = packed.files.find((f: { path: string; mode: number }) => f.path === 'dist/cli.js').mode;
    expect(mode & 0o111).not.toBe(0);
    // npx resolves `./x.tgz` from the project root it finds going up: a stray node_modules in /tmp
    // would make that /tmp, so the folder is a project of its own.
    writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    writeFileSync(join(dir, 'report.txt'), '示例镇2023年工作总结\n一、工作开展情况\n完成投资xx亿元。\n');
    // A cache of its own: npx keys its installs by the spec (`./gongwen-0.1.0.tgz`), and an install left
    // in ~/.npm/_npx by an earlier tarball of the same name fails the integrity check of this one.
    const npx = (args: string[]) => spawnSync(npm, ['exec', '--yes', '--offline', '--package', `./${packed.filename}`, '--', 'gongwen', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', npm_config_cache: join(dir, 'npm-cache') } });
    expect(npx(['--version']).stdout.trim()).toBe(packed.version);
    const check = npx(['check', 'report.txt']);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('Unfilled placeholder "xx" [placeholder]');
  }, 60000);

  it('`npm run package` builds dist/ and makes a .vsix holding the extension and the server', () => {
    rmSync(join(clone, 'dist'), { recursive: true, force: true });
    const run = spawnSync(npm, ['run', 'package'], { cwd: clone, encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const vsix = readdirSync(clone).filter((f) => f.endsWith('.vsix'));
    expect(vsix).toEqual([`gongwen-${JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").version)'], { cwd: clone, encoding: 'utf8' }))}.vsix`]);
    expect(statSync(join(clone, vsix[0])).size).toBeGreaterThan(10_000);
    // `vsce ls` lists what the .vsix holds, from the same rules.
    const listed = execFileSync(join(REPO, 'node_modules/.bin/vsce'), ['ls', '--no-dependencies'], { cwd: clone, encoding: 'utf8' }).split('\n');
    expect(listed).toContain('dist/extension.js');
    expect(listed).toContain('dist/server.js');
  }, 60000);
});
