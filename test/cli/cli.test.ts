import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '../..');
const CLI = resolve(REPO, 'dist/cli.js');
const CORPUS = resolve(REPO, '../shared/corpus');
const dir = mkdtempSync(join(tmpdir(), 'gongwen-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], cwd = REPO, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('gongwen CLI', () => {
  it('prints the outline of the bundled example with line numbers', () => {
    const r = run(['outline', 'examples/town-work-report.txt']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('title: 青石镇2024年政府工作报告  kind: gov-report  year: 2024');
    expect(r.out).toMatch(/^\s+7  一、2023年工作回顾$/m);
    expect(r.out).toMatch(/^\s+\d+  （一）产业发展提质增效$/m);
  });

  it('prints JSON for machines', () => {
    const r = run(['outline', '--json', 'examples/town-work-report.txt']);
    const json = JSON.parse(r.out);
    expect(json.kind).toBe('gov-report');
    expect(json.outline.map((s: any) => s.name)).toEqual(['一、2023年工作回顾', '二、2024年工作安排', '三、全面加强政府自身建设']);
    expect(json.outline[0].children[0]).toMatchObject({ name: '（一）产业发展提质增效', depth: 2, line: 11 });
  });

  it('reads GB18030/GBK files', () => {
    // 工作总结 / 一、回顾 / 正文。 in GBK
    const bytes = Buffer.from([0xb9, 0xa4, 0xd7, 0xf7, 0xd7, 0xdc, 0xbd, 0xe1, 0x0a, 0xd2, 0xbb, 0xa1, 0xa2, 0xbb, 0xd8, 0xb9, 0xcb, 0x0a, 0xd5, 0xfd, 0xce, 0xc4, 0xa1, 0xa3, 0x0a]);
    expect(new TextDecoder('gb18030').decode(bytes)).toBe('工作总结\n一、回顾\n正文。\n');
    const file = join(dir, 'gbk.txt');
    writeFileSync(file, bytes);
    const r = run(['outline', '--json', file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).outline[0].name).toBe('一、回顾');
  });

  it('says clearly when a file is binary or missing, and exits 3', () => {
    const file = join(dir, 'junk.txt');
    writeFileSync(file, Buffer.from([0x00, 0x01, 0xff, 0x00, 0x10]));
    const binary = run(['outline', file]);
    expect(binary.code).toBe(3);
    expect(binary.err).toContain('binary file');
    const missing = run(['outline', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(3);
    expect(missing.err).toContain('no such file');
  });

  it('walks folders for report files', () => {
    const folder = join(dir, 'reports');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'a.txt'), '一、甲\n');
    writeFileSync(join(folder, 'sub', 'b.gongwen'), '一、乙\n');
    writeFileSync(join(folder, 'c.png'), 'not a report');
    const r = run(['outline', '--json', folder]);
    expect(JSON.parse(r.out).map((x: any) => x.outline[0].name)).toEqual(['一、甲', '一、乙']);
  });

  it('rejects a bad command line with exit 2 and shows usage', () => {
    const r = run(['outline', '--frobnicate', 'x.txt']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown option --frobnicate');
    expect(r.err).toContain('Usage: gongwen');
  });

  it('with no arguments at all, exits 2 with the usage on stderr (a wrong command line), not on stdout', () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('Usage: gongwen');
  });

  it('answers --help in the terminal language and --version', () => {
    expect(run(['--help']).out).toContain('Exit codes');
    expect(run(['--help'], REPO, { LANG: 'zh_CN.UTF-8' }).out).toContain('退出码');
    expect(run(['--version']).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('reports an invalid .gongwen.json and exits 3', () => {
    const folder = join(dir, 'badconfig');
    mkdirSync(folder);
    writeFileSync(join(folder, '.gongwen.json'), '{ not json');
    writeFileSync(join(folder, 'r.txt'), '一、甲\n');
    const r = run(['check', 'r.txt'], folder);
    expect(r.code).toBe(3);
    expect(r.err).toContain('invalid JSON');
  });

  it.skipIf(!existsSync(CORPUS))('outlines every corpus document without failing', () => {
    const r = run(['outline', '--json', CORPUS]);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.out);
    expect(results.length).toBeGreaterThanOrEqual(30);
    expect(results.filter((x: any) => x.outline.length > 0).length).toBeGreaterThanOrEqual(28);
  });
});

describe('gongwen check', () => {
  it('lists problems with rule ids and exits 0 when none is an error', () => {
    const r = run(['check', 'examples/town-work-report.txt']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^examples\/town-work-report\.txt:9:\d+: warning Unfilled placeholder "xx" \[placeholder\]$/m);
    expect(r.out).toMatch(/Numbering gap: expected "（三）", found "（四）" \[numbering-sequence\]/);
    expect(r.out).toMatch(/examples\/town-work-report\.txt: \d+ problems \(0 errors/);
  });

  it('exits 1 on an error-severity problem, and 0 with --exit-zero', () => {
    const file = join(dir, 'hidden.txt');
    writeFileSync(file, '示例镇2023年工作总结\n一、工作开展情况\n---此处隐藏3934字，下载后查看---\n');
    const r = run(['check', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('[web-residue]');
    expect(run(['check', '--exit-zero', file]).code).toBe(0);
  });

  it('applies .gongwen.json: a rule set to error fails the check, off silences it', () => {
    const folder = join(dir, 'configured');
    mkdirSync(folder);
    writeFileSync(join(folder, 'r.txt'), '示例镇2023年工作总结\n一、工作开展情况\n完成投资xx亿元。\n');
    writeFileSync(join(folder, '.gongwen.json'), JSON.stringify({ rules: { placeholder: 'error' } }));
    expect(run(['check', 'r.txt'], folder).code).toBe(1);
    writeFileSync(join(folder, '.gongwen.json'), JSON.stringify({ rules: { placeholder: 'off' } }));
    const quiet = run(['check', '--json', 'r.txt'], folder);
    expect(JSON.parse(quiet.out).problems.filter((p: any) => p.rule === 'placeholder')).toEqual([]);
  });

  it('warns about invalid settings in .gongwen.json and goes on', () => {
    const folder = join(dir, 'warned');
    mkdirSync(folder);
    writeFileSync(join(folder, 'r.txt'), '一、甲\n');
    writeFileSync(join(folder, '.gongwen.json'), JSON.stringify({ rules: { placeholder: 'loud', nosuchrule: 'off' }, placeholders: { extraPatterns: ['(a)\\1'] } }));
    const r = run(['check', 'r.txt'], folder);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`config: ${join(folder, '.gongwen.json')}`);
    expect(r.err).toContain('.gongwen.json: rules.placeholder: "loud" is not one of default, off, hint, info, warning, error');
    expect(r.err).toContain('.gongwen.json: rules.nosuchrule: unknown rule');
    expect(r.err).toContain('extraPatterns[0]');
  });

  it('gives JSON with ranges in UTF-16 positions', () => {
    const r = run(['check', '--json', 'examples/town-work-report.txt']);
    const json = JSON.parse(r.out);
    const xx = json.problems.find((p: any) => p.rule === 'placeholder');
    expect(xx).toMatchObject({ severity: 'warning', text: 'xx', range: { start: { line: 8 } } });
    expect(xx.message.zh).toContain('未填写');
  });
});
