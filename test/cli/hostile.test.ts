/**
 * The CLI against hostile and unlucky input: every case ends with a clear message and a documented
 * exit code (README, "Exit codes"), never a stack trace, a hang or unbounded memory. Each run has
 * a timeout; a hang fails the test instead of stalling the suite.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = resolve(__dirname, '../../dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'gongwen-cli-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REPORT = '示范镇2024年工作总结\n一、工作回顾\n今年实现生产总值xx亿元。\n';
const STACK_TRACE = /\n\s+at .+[:(]\d+:\d+\)?/;
const canMakeFifos = spawnSync('mkfifo', ['--version']).status === 0;

/** Runs the CLI with a timeout; `timedOut` when it had to be killed. */
function run(args: string[], cwd = dir) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 15000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr, timedOut: r.status === null, ms: Date.now() - started };
}

/** The checks every hostile case shares: finished in time, said why, no stack trace. */
function expectClean(r: ReturnType<typeof run>, code: number, message: string | RegExp) {
  expect(r.timedOut, `timed out; stderr: ${r.err}`).toBe(false);
  expect(r.err).not.toMatch(STACK_TRACE);
  expect(r.code, `stderr: ${r.err}`).toBe(code);
  if (typeof message === 'string') expect(r.err).toContain(message);
  else expect(r.err).toMatch(message);
}

function folder(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  return path;
}

describe('gongwen check on files it cannot or should not read', () => {
  it('a missing file: exit 3, "no such file"', () => {
    expectClean(run(['check', join(dir, 'nope.txt')]), 3, 'no such file');
  });

  it('an empty folder: exit 3, "no reports found"', () => {
    expectClean(run(['check', folder('empty')]), 3, 'no reports found');
  });

  it('a 100 MB file: refused unread, exit 3, also with --json (which still prints valid JSON)', () => {
    const big = join(folder('big'), 'huge.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 100 * 1024 * 1024); // sparse: instant to make
    closeSync(fd);
    const r = run(['check', '--json', big]);
    expectClean(r, 3, 'too large (100 MB, the limit is 50 MB)');
    expect(JSON.parse(r.out)).toEqual([]);
    expect(r.ms).toBeLessThan(5000);
  });

  it('a binary file: exit 3, "binary file"', () => {
    const file = join(folder('binary'), 'junk.txt');
    writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0xff, 0x00]));
    expectClean(run(['check', file]), 3, 'binary file');
  });

  it('/dev/zero and /dev/null named directly: exit 3, "not a regular file"', () => {
    expectClean(run(['check', '/dev/zero']), 3, 'not a regular file (character device)');
    expectClean(run(['check', '/dev/null']), 3, 'not a regular file (character device)');
  });

  it.skipIf(!canMakeFifos)('a FIFO, named or in a folder: skipped, not waited on', () => {
    const path = folder('fifo');
    expect(spawnSync('mkfifo', [join(path, 'pipe.txt')]).status).toBe(0);
    writeFileSync(join(path, 'ok.txt'), REPORT);
    expectClean(run(['check', join(path, 'pipe.txt')]), 3, 'not a regular file (FIFO)');
    const r = run(['check', path]);
    expectClean(r, 3, 'not a regular file (FIFO)');
    expect(r.out).toContain('ok.txt:3:');
  });

  it('a *.txt link to a device in a folder: skipped as leading outside, the rest checked', () => {
    const path = folder('devlink');
    symlinkSync('/dev/zero', join(path, 'zero.txt'));
    writeFileSync(join(path, 'ok.txt'), REPORT);
    const r = run(['check', path]);
    expectClean(r, 0, 'zero.txt: link leads outside the folder, skipped');
    expect(r.out).toContain('ok.txt:3:');
  });

  it('links: followed inside the folder, not out of it, linked folders never entered (no loops)', () => {
    const outside = folder('outside');
    writeFileSync(join(outside, 'secret.txt'), '机密文件2024年工作总结\n一、回顾\n某某单位xx。\n');
    const path = folder('links');
    writeFileSync(join(path, 'real.txt'), REPORT);
    symlinkSync(join(path, 'real.txt'), join(path, 'alias.txt'));
    symlinkSync(join(outside, 'secret.txt'), join(path, 'secret.txt'));
    symlinkSync(path, join(path, 'loop'));
    symlinkSync(outside, join(path, 'away'));
    const r = run(['check', '--json', path]);
    expectClean(r, 0, 'secret.txt: link leads outside the folder, skipped');
    expect(JSON.parse(r.out).map((f: any) => f.file).sort()).toEqual(['links/alias.txt', 'links/real.txt']);
    expect(r.out).not.toContain('机密');
  });
});

describe('gongwen check with a hostile .gongwen.json', () => {
  function project(name: string, config: string | Buffer): string {
    const path = folder(name);
    writeFileSync(join(path, 'r.txt'), REPORT);
    writeFileSync(join(path, '.gongwen.json'), config);
    return path;
  }

  it('invalid JSON: exit 3 naming the file', () => {
    const path = project('cfg-bad', '{ "rules": ');
    expectClean(run(['check', 'r.txt'], path), 3, `${join(path, '.gongwen.json')}: invalid JSON`);
  });

  it('nested 5,000 levels deep: exit 3, "nested deeper than 32 levels"', () => {
    const path = project('cfg-deep', '{"rules":' + '['.repeat(5000) + ']'.repeat(5000) + '}');
    expectClean(run(['check', 'r.txt'], path), 3, 'nested deeper than 32 levels');
    const objects = project('cfg-deep-objects', '{"kind":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '}');
    expectClean(run(['check', 'r.txt'], objects), 3, 'nested deeper than 32 levels');
  });

  it('larger than 4 MB: exit 3, refused unread', () => {
    const path = project('cfg-big', '{"words": [' + '"字",'.repeat(1_200_000) + '"字"]}');
    expectClean(run(['check', 'r.txt'], path), 3, 'too large');
  });

  it('not UTF-8, or not an object: a clear message', () => {
    expectClean(run(['check', 'r.txt'], project('cfg-gbk', Buffer.from([0x7b, 0xd6, 0xd0, 0x7d]))), 3, 'not UTF-8');
    expectClean(run(['check', 'r.txt'], project('cfg-list', '[1, 2]')), 0, 'the file must hold an object');
  });

  it('--config /dev/zero, a FIFO or a folder: exit 3, not a hang', () => {
    const path = project('cfg-dev', '{}');
    expectClean(run(['check', '--config', '/dev/zero', 'r.txt'], path), 3, '/dev/zero: not a regular file (character device)');
    expectClean(run(['check', '--config', path, 'r.txt'], path), 3, 'is a directory');
    if (canMakeFifos) {
      spawnSync('mkfifo', [join(path, 'fifo.json')]);
      expectClean(run(['check', '--config', 'fifo.json', 'r.txt'], path), 3, 'not a regular file (FIFO)');
    }
    expectClean(run(['check', '--config', 'missing.json', 'r.txt'], path), 3, 'no such file');
  });

  it('a glob built to make backtracking matchers explode: answered at once', () => {
    const config = JSON.stringify({ overrides: [{ files: ['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b'], rules: { placeholder: 'off' } }] });
    const path = project('cfg-glob', config);
    writeFileSync(join(path, 'a'.repeat(200) + '.txt'), REPORT);
    const r = run(['check', path], path);
    expectClean(r, 0, 'config:');
    expect(r.out).toContain('[placeholder]');
    expect(r.ms).toBeLessThan(10000);
  });
});

describe('gongwen check --json on a large report', () => {
  it('streams findings instead of building one string: 100,000 findings parse as JSON', () => {
    const path = folder('many');
    const file = join(path, 'many.txt');
    writeFileSync(file, '示范镇2024年工作总结\n一、工作回顾\n' + '投资xx亿元，完成xx万元，新增xx家。\n'.repeat(35000));
    const r = run(['check', '--json', '--severity', 'hint', file]);
    expect(r.timedOut).toBe(false);
    expect(r.err).not.toMatch(STACK_TRACE);
    const json = JSON.parse(r.out);
    expect(json.problems.length).toBeGreaterThanOrEqual(100000);
    expect(existsSync(file)).toBe(true);
  });
});
