import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../server/src/formats/docx-reader';
import { listP, lvl, makeDocx, p } from '../helpers/docx-fixture';
import { docxPartText } from '../helpers/docx-inspect';

const REPO = resolve(__dirname, '../..');
const CLI = resolve(REPO, 'dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'gongwen-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], lang = 'en_US.UTF-8') {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: lang, LC_ALL: '', NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const NUMBERING = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;

/** A town report whose 一、/（一） numbers are Word list numbering, with an unfilled xx and a skipped （三）. */
function wordReport(): Uint8Array {
  return makeDocx({
    numbering: NUMBERING,
    body: [
      p('柳溪镇2024年政府工作报告'),
      p(''),
      p('各位代表：'),
      listP('2023年工作回顾', 1, 0),
      listP('产业发展提质增效。全年实现地区生产总值xx亿元，同比增长6%。', 1, 1),
      listP('城乡面貌持续改善。完成道路硬化12公里。', 1, 1),
      listP('2024年工作安排', 1, 0),
      p('我们将坚持依法行政，努力建设人民满意的政府。'),
    ].join(''),
  });
}

const TEXT = ['柳溪镇2024年政府工作报告', '', '各位代表：', '一、2023年工作回顾', '（一）产业发展提质增效。全年实现地区生产总值xx亿元，同比增长6%。', '（二）城乡面貌持续改善。完成道路硬化12公里。', '二、2024年工作安排', '我们将坚持依法行政，努力建设人民满意的政府。'].join('\n');

const MARKDOWN = ['---', 'author: 草稿', '---', '# 柳溪镇2024年政府工作报告', '', '各位代表：', '', '## 一、2023年工作回顾', '', '**（一）产业发展提质增效。**全年实现地区生产总值xx亿元，同比增长6%。', '', '**（二）城乡面貌持续改善。**完成道路硬化12公里。', '', '## 二、2024年工作安排', '', '我们将坚持依法行政，努力建设人民满意的政府。'].join('\r\n');

describe('gongwen CLI on Word and Markdown files', () => {
  writeFileSync(join(dir, 'report.docx'), wordReport());
  writeFileSync(join(dir, 'report.txt'), TEXT);
  writeFileSync(join(dir, 'report.md'), MARKDOWN);

  it('prints the same outline for the text, the Word document (list numbering) and the Markdown draft', () => {
    const outline = (file: string) => JSON.parse(run(['outline', '--json', file]).out).outline.map((s: any) => [s.name, s.children.map((c: any) => c.name)]);
    const expected = [['一、2023年工作回顾', ['（一）产业发展提质增效', '（二）城乡面貌持续改善']], ['二、2024年工作安排', []]];
    expect(outline('report.txt')).toEqual(expected);
    expect(outline('report.docx')).toEqual(expected);
    expect(outline('report.md')).toEqual(expected);
  });

  it('numbers Word outline entries by paragraph (¶), which the user can find in Word', () => {
    const r = run(['outline', 'report.docx']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/¶4\s+一、2023年工作回顾/);
    expect(r.out).toMatch(/¶5\s+（一）产业发展提质增效/);
  });

  it('points Word findings at the paragraph number and quotes the text around them', () => {
    const r = run(['check', 'report.docx']);
    expect(r.out).toMatch(/^report\.docx: paragraph 5 “…[^”]*全年实现地区生产总值xx亿元，同比增长6%。”: warning Unfilled placeholder "xx" \[placeholder\]$/m);
    const zh = run(['check', 'report.docx'], 'zh_CN.UTF-8');
    expect(zh.out).toContain('report.docx: 第 5 段 “');
    const json = JSON.parse(run(['check', '--json', 'report.docx']).out);
    const placeholder = json.problems.find((x: any) => x.rule === 'placeholder');
    expect(placeholder).toMatchObject({ paragraph: 5, where: 'body', text: 'xx' });
  });

  it('reports Markdown findings at their line and UTF-16 column in the .md file (front matter, CRLF, ** marks)', () => {
    const json = JSON.parse(run(['check', '--json', 'report.md']).out);
    const placeholder = json.problems.find((x: any) => x.rule === 'placeholder');
    const lines = MARKDOWN.split('\r\n');
    expect(placeholder.range.start.line).toBe(9);
    expect(lines[9].slice(placeholder.range.start.character, placeholder.range.end.character)).toBe('xx');
    const text = run(['check', 'report.md']);
    expect(text.out).toContain(`report.md:10:${lines[9].indexOf('xx') + 1}: warning Unfilled placeholder "xx"`);
  });

  it('finds .docx files in folders, and says to save an old .doc as .docx', () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'a.docx'), wordReport());
    writeFileSync(join(folder, 'b.txt'), TEXT);
    const r = run(['outline', '--json', 'folder']);
    expect(JSON.parse(r.out).map((x: any) => x.file)).toEqual([join('folder', 'a.docx'), join('folder', 'b.txt')]);
    writeFileSync(join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const old = run(['check', 'old.doc']);
    expect(old.code).toBe(3);
    expect(old.err).toContain('save it as .docx');
  });

  it('exports text, Markdown and Word to a GB/T 9704 .docx whose outline is the source outline', () => {
    for (const [source, out] of [['report.txt', 'report.docx.out.docx'], ['report.md', 'from-md.docx'], ['report.docx', 'from-word.docx']]) {
      const r = run(['export', source, '-o', out]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain(`wrote ${out}`);
      const back = run(['outline', '--json', out]);
      expect(JSON.parse(back.out).outline.map((s: any) => s.name)).toEqual(['一、2023年工作回顾', '二、2024年工作安排']);
      const read = readDocx(readFileSync(join(dir, out)));
      expect(read.ok && read.text).not.toMatch(/[#*]|author/);
    }
  });

  it('writes next to the source by default, never over it, and takes --font', () => {
    expect(run(['export', 'report.txt']).code).toBe(0);
    expect(existsSync(join(dir, 'report.docx'))).toBe(true);
    expect(run(['export', 'report.docx']).code).toBe(0);
    expect(existsSync(join(dir, 'report.gbt9704.docx'))).toBe(true);
    const over = run(['export', 'report.md', '-o', 'report.md']);
    expect(over.code).toBe(2);
    const fonts = run(['export', 'report.md', '-o', 'fonts.docx', '--font', 'body=仿宋', '--font', 'heading2=楷体']);
    expect(fonts.code).toBe(0);
    const xml = docxPartText(readFileSync(join(dir, 'fonts.docx')), 'word/document.xml');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="楷体"');
    expect(run(['export', 'report.md', '--font', 'nope=x']).code).toBe(2);
    expect(run(['export']).code).toBe(2);
    expect(run(['export', 'missing.txt']).code).toBe(3);
  });

  it("takes fonts from .gongwen.json's export.fonts, with --font winning", () => {
    writeFileSync(join(dir, 'fonts.gongwen.json'), JSON.stringify({ export: { fonts: { body: '仿宋', heading1: '方正黑体' } } }));
    expect(run(['export', 'report.md', '-o', 'config-fonts.docx', '--config', 'fonts.gongwen.json', '--font', 'heading1=黑体']).code).toBe(0);
    const xml = docxPartText(readFileSync(join(dir, 'config-fonts.docx')), 'word/document.xml');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).not.toContain('仿宋_GB2312');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).not.toContain('方正黑体');
    writeFileSync(join(dir, 'bad-fonts.gongwen.json'), JSON.stringify({ export: { fonts: { body: 3 } } }));
    const bad = run(['export', 'report.md', '-o', 'bad-fonts.docx', '--config', 'bad-fonts.gongwen.json']);
    expect(bad.code).toBe(0);
    expect(bad.err).toContain('export.fonts.body: must be a font name');
  });
});
