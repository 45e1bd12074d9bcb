import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze, defaultSettings, outlineOf, type OutlineSymbol } from '../../server/src/engine';
import { projectMarkdown } from '../../server/src/formats/markdown-projection';

function outline(text: string): { name: string; depth: number; start: number }[] {
  const out: { name: string; depth: number; start: number }[] = [];
  const model = analyze(text, defaultSettings()).model;
  const walk = (symbols: readonly OutlineSymbol[]) => symbols.forEach((s) => (out.push({ name: s.name, depth: s.depth, start: model.lines.offsetAt(s.selectionRange.start) }), walk(s.children)));
  walk(outlineOf(model));
  return out;
}

/** The example report written the way an AI assistant writes Markdown: `#` title, `##` sections, bold run-in headings. */
function asMarkdown(text: string, eol = '\n'): string {
  return text
    .split(/\r?\n/)
    .map((line, i) => {
      if (i === 0) return `# ${line}`;
      if (/^[一二三四五六七八九十]+、/.test(line)) return `## ${line}`;
      return line.replace(/^(（[一二三四五六七八九十]+）[^。]*。)/, '**$1**');
    })
    .join(eol);
}

const EXAMPLE = readFileSync(new URL('../../examples/town-work-report.txt', import.meta.url), 'utf8');

describe('projectMarkdown: the report text inside Markdown, same length, same positions', () => {
  it('gives the same outline and findings as the plain text, at the Markdown positions', () => {
    const md = asMarkdown(EXAMPLE);
    const projected = projectMarkdown(md);
    expect(projected.length).toBe(md.length);
    const fromText = outline(EXAMPLE).map((s) => [s.name, s.depth]);
    const fromMd = outline(projected);
    expect(fromMd.map((s) => [s.name, s.depth])).toEqual(fromText);
    // Each heading's reported position is where its marker is in the Markdown source.
    for (const s of fromMd) expect(md.slice(s.start, s.start + 2)).toBe(s.name.slice(0, 2));
    const findings = (t: string, src: string) => analyze(t, defaultSettings()).findings.map((f) => `${f.ruleId} ${src.slice(f.start, f.end)}`);
    expect(findings(projected, md)).toEqual(findings(EXAMPLE, EXAMPLE));
    expect(findings(projected, md).length).toBeGreaterThan(2);
  });

  it('blanks # marks, ** and link targets, and reads CJK bold run-in headings (**（一）…。**正文) as bold', () => {
    expect(projectMarkdown('## 一、总体要求\n**（一）稳增长。**正文')).toBe('   一、总体要求\n  （一）稳增长。  正文');
    const link = '详见[附件](https://example.cn/a.pdf)。';
    expect(projectMarkdown(link)).toBe(`详见 附件${' '.repeat('](https://example.cn/a.pdf)'.length)}。`);
  });

  it('leaves front matter, code blocks, HTML and images out of the report text', () => {
    const md = '---\ntitle: 草稿\n---\n# 2024年工作要点\n\n```\n一、这不是标题\n```\n<!-- 一、注释 -->\n![一、图](a.png)\n一、正式标题';
    const projected = projectMarkdown(md);
    expect(projected.replace(/[ \n]+/g, '|')).toBe('|2024年工作要点|一、正式标题');
    expect(outline(projected).map((s) => s.name)).toEqual(['一、正式标题']);
  });

  it('keeps ordered-list numbers (what the reader sees), drops bullets and escapes, keeps CRLF line breaks and non-BMP characters', () => {
    const md = '1. 推进𠀋项目建设\r\n2. 加快\\*改造\r\n- 要点&amp;说明\r\n';
    const projected = projectMarkdown(md);
    expect(projected.length).toBe(md.length);
    expect(projected).toBe('1. 推进𠀋项目建设\r\n2. 加快 *改造\r\n  要点&    说明\r\n');
  });

  it('maps positions back exactly in a CRLF file with non-BMP characters before the finding', () => {
    const md = asMarkdown(`𠀋𠀋镇2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n全年实现地区生产总值xx亿元。`, '\r\n');
    const projected = projectMarkdown(md);
    const placeholder = analyze(projected, defaultSettings()).findings.find((f) => f.ruleId === 'placeholder');
    expect(placeholder && md.slice(placeholder.start, placeholder.end)).toBe('xx');
    expect(placeholder!.start).toBe(md.indexOf('xx'));
  });
});
