import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** `npm start` as the README's quick start runs it, in the given terminal locale. */
function npmStart(locale: Record<string, string>) {
  return spawnSync(npm, ['start', '--silent'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', NO_COLOR: '1', ...locale } });
}

describe('npm start (the quick start)', () => {
  it('outlines and checks the example report, in Chinese for a Chinese terminal (LANG=zh_CN.UTF-8)', () => {
    const r = npmStart({ LANG: 'zh_CN.UTF-8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('标题: 青石镇2024年政府工作报告');
    expect(r.stdout).toContain('未填写的占位符“xx” [placeholder]');
    expect(r.stdout).not.toContain('Unfilled placeholder');
  }, 60000);

  it('follows LC_ALL over LANG, as the CLI does, and speaks English otherwise', () => {
    const r = npmStart({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('title: 青石镇2024年政府工作报告');
    expect(r.stdout).toContain('Unfilled placeholder "xx" [placeholder]');
  }, 60000);
});
