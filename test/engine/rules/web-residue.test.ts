import { describe, it, expect } from 'vitest';
import { buildReportModel } from '../../../server/src/engine/pipeline';
import { webResidue } from '../../../server/src/engine/rules/web-residue';
import { applyEdits } from '../../../server/src/engine/renumber';
import { defaultSettings } from '../../../server/src/engine/settings';
import type { Finding } from '../../../server/src/engine/rules/rule';
import { corpusFiles, corpusText, hasCorpus, LOCAL_GOV_REPORTS } from '../../helpers/corpus';

function check(text: string): Finding[] {
  return webResidue.check(buildReportModel(text), defaultSettings());
}

/** The text after applying every finding's first fix (edits do not overlap). */
function fixAll(text: string, found = check(text)): string {
  return applyEdits(text, found.flatMap((f) => f.fixes![0].edits));
}

const BODY = '青山镇2023年工作总结\n\n一、工作情况\n\n全年完成投资5亿元。\n\n二、下一步打算\n\n继续努力。';

describe('web-residue', () => {
  it('finds furniture inside a long line of text, wherever the line ends, and common words that only start like furniture stay text', () => {
    const prose = '全镇上下齐心协力，经济稳中有进，民生持续改善，以下几个方面的工作取得明显成效，相关部门在线上线下同步推进，下一步将继续努力。';
    const line = prose + '如遇无法支付请联系客服' + '　 ';
    for (const text of [line + '\n' + prose, line, prose + '【打印本页】[ 关闭 ]' + prose]) {
      const found = check(text);
      expect(found.map((f) => text.slice(f.start, f.end))).toEqual(text.includes('如遇') ? ['如遇无法支付请联系客服'] : ['【打印本页】', '[ 关闭 ]']);
    }
    expect(check(prose + '\n' + prose)).toEqual([]);
  });

  it('finds a metadata block with its bullets and values, and removes it whole', () => {
    const head = '• 索引号:\n  • 1234567890/2024-001\n  • 组配分类:\n  • 计划总结\n  • 发布机构:\n  • 青山镇\n  • 成文日期:\n  • 2024-01-24\n\n';
    const text = head + BODY;
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(found[0].start).toBe(0);
    expect(text.slice(found[0].end - 10, found[0].end)).toBe('2024-01-24');
    expect(found[0].message.zh).toBe('网页残留：“• 索引号:”等 8 行');
    expect(found[0].fixes![0]).toMatchObject({ safe: true });
    expect(fixAll(text, found)).toBe(BODY);
  });

  it('finds a metadata line under the title', () => {
    const text = BODY.replace('\n\n一、', '\n\n发布日期: 2024- 01- 24 14 : 53 浏览次数: 字体:[ ]\n\n一、');
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(fixAll(text, found)).toBe(BODY);
  });

  it('finds print/close furniture and the page number after it at the end', () => {
    const text = BODY + '\n\n【打印本页】 【关闭窗口】\n0';
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(text.slice(found[0].start, found[0].end)).toBe('【打印本页】 【关闭窗口】\n0');
    expect(fixAll(text, found)).toBe(BODY);
    // With a final line break, one line break stays.
    expect(fixAll(text + '\n')).toBe(BODY + '\n');
  });

  it('reports a hidden-text notice as an error and removes only the notice inside text', () => {
    const text = '青山镇2023年工作总结\n全年完成投资5亿元。---此处隐藏3934字，下载后查看---\n继续努力。';
    const [f, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(f.severity).toBe('error');
    expect(text.slice(f.start, f.end)).toBe('---此处隐藏3934字，下载后查看---');
    expect(f.message.zh).toMatch(/正文被网站隐藏/);
    expect(fixAll(text, [f])).toBe('青山镇2023年工作总结\n全年完成投资5亿元。\n继续努力。');
  });

  it('reports a hidden-text notice on its own line as an error block', () => {
    const text = BODY.replace('继续努力。', '继续努力。\n---此处隐藏1200字，下载后查看---\n还有内容。');
    const [f] = check(text);
    expect(f.severity).toBe('error');
    expect(fixAll(text)).toBe(BODY.replace('继续努力。', '继续努力。\n还有内容。'));
  });

  it('finds site furniture lines', () => {
    for (const junk of ['添加“范文网”到电脑桌面', 'VIP专享文档', '联系客服', '回到顶部', '您可能关注的文档', '如遇无法支付或下载失败，请联系客服', '首页 >> 公开信息内容', '当前位置：首页 > 信息公开 > 工作报告', '下面是小编为大家整理的工作总结，供大家参考。']) {
      const text = BODY.replace('继续努力。', `继续努力。\n${junk}`);
      const found = check(text);
      expect(found.length, junk).toBe(1);
      expect(fixAll(text, found), junk).toBe(BODY);
    }
  });

  it('takes a site name between two furniture lines, but never the title', () => {
    const text = '无障碍浏览 长者模式\n大兴县人民政府\n首页 >> 公开信息内容\n\n政府工作报告(2024年)\n\n索 引 号:abc-2025-001 发布日期:2025-01-03\n\n各位代表：\n现在，我代表镇人民政府，向大会报告工作，请予审议。';
    const found = check(text);
    expect(found).toHaveLength(2);
    expect(text.slice(found[0].start, found[0].end)).toBe('无障碍浏览 长者模式\n大兴县人民政府\n首页 >> 公开信息内容');
    expect(fixAll(text, found)).toBe('政府工作报告(2024年)\n\n各位代表：\n现在，我代表镇人民政府，向大会报告工作，请予审议。');
  });

  it('finds the 范文 of a sample-essay site headline, in the title too, and leaves the title', () => {
    for (const [title, kept] of [
      ['青山镇2024年工作总结范文（精选3篇）', '青山镇2024年工作总结'],
      ['2024年鄉鎮工作總結範文和2025年工作計畫', '2024年鄉鎮工作總結和2025年工作計畫'],
      ['村党支部书记述职报告范文大全', '村党支部书记述职报告'],
    ]) {
      const text = BODY.replace('青山镇2023年工作总结', title);
      const found = check(text);
      expect(found.length, title).toBe(1);
      expect(fixAll(text, found), title).toBe(BODY.replace('青山镇2023年工作总结', kept));
    }
    // 范文 as an ordinary word is text.
    expect(check(BODY.replace('继续努力。', '组织教师研读范文，提升写作教学水平。'))).toEqual([]);
  });

  it('leaves report text alone (look-alikes)', () => {
    const text = [
      '青山镇2023年工作总结',
      '推进游客服务中心建设，提升客服水平。', // 游客服务 is not 联系客服
      '发布机构改革方案后，各部门主动公开政务信息。', // a sentence, not a metadata line
      '做好回到顶部设计的无障碍改造。', // a long line of text holds the phrase: only the phrase is reported
      '2024年1月24日',
      '0',
    ].join('\n');
    const found = check(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['回到顶部']);
  });

  it('keeps offsets right with a BOM and CRLF, and removes whole CRLF lines', () => {
    const body = BODY.replace(/\n/g, '\r\n');
    const text = '\uFEFF• 索引号:\r\n• 001/2024\r\n\r\n' + body;
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(text.slice(found[0].start, found[0].start + 5)).toBe('• 索引号');
    expect(fixAll(text, found)).toBe(body);
  });
});

describe.skipIf(!hasCorpus)('web-residue: corpus', () => {
  it('finds the metadata, the metadata line and the furniture of the government-site summary', () => {
    const text = corpusText('local/sankui-2023-summary-2024-plan.txt');
    const found = check(text);
    expect(found.map((f) => f.data?.lines)).toEqual([10, 1, 2]);
    const fixed = fixAll(text, found);
    expect(fixed.startsWith('三魁镇2023年工作总结及2024年工作方向\n\n2023年是')).toBe(true);
    expect(fixed.endsWith('处置在末端。')).toBe(true);
  });

  it('finds the site furniture of the excerpts', () => {
    expect(check(corpusText('excerpts/E06_jinbi_town_gwr_2024_excerpt.txt'))).toHaveLength(2);
    expect(check(corpusText('excerpts/E01_mudong_town_gwr_2024_excerpt.txt'))).toHaveLength(1);
    expect(check(corpusText('excerpts/E02_mutang_town_gwr_2024_excerpt.txt'))).toHaveLength(1);
  });

  it('finds nothing in the national reports and the town reports', () => {
    for (const f of [...corpusFiles('national'), ...LOCAL_GOV_REPORTS, 'local/town-summary-and-plan-template.txt']) {
      expect(check(corpusText(f)), f).toEqual([]);
    }
  });
});
