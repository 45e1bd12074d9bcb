import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'gongwen-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the npm package', () => {
  it('runs as `npx ./gongwen-<version>.tgz` from the packed tarball, with no runtime dependencies', () => {
    const out = execFileSync(npm, ['pack', '--json', '--pack-destination', dir], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [packed] = JSON.parse(out);
    const files = packed.files.map((f: { path: string }) => f.path).sort();
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('dist/server.js');
    expect(files.some((f: string) => f.startsWith('server/') || f.startsWith('test/') || f.endsWith('.map'))).toBe(false);
    writeFileSync(join(dir, 'report.txt'), '示例镇2023年工作总结\n一、工作开展情况\n完成投资xx亿元。\n');
    const npx = (args: string[]) => spawnSync(npm, ['exec', '--yes', '--offline', '--package', `./${packed.filename}`, '--', 'gongwen', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
    expect(npx(['--version']).stdout.trim()).toBe(packed.version);
    const check = npx(['check', 'report.txt']);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('Unfilled placeholder "xx" [placeholder]');
  }, 60000);
});
