import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../server/src/engine/pipeline';
import type { Heading } from '../../server/src/engine/model';

/** The outline as `depth label` lines, for readable assertions. */
function outline(text: string): string[] {
  return buildReportModel(text).headings.map((h) => `${h.depth} ${h.label}`);
}

function headings(text: string): Heading[] {
  return buildReportModel(text).headings;
}

const TITLE = '示例镇2024年政府工作报告\n各位代表：\n现在，我代表镇人民政府，向大会报告政府工作，请予审议。\n';

describe('heading forms', () => {
  it('reads the four GB/T 9704 levels on their own lines', () => {
    expect(outline(TITLE + '一、2023年工作回顾\n（一）产业发展\n1.农业生产\n（1）粮食种植\n①早稻\n二、2024年工作安排\n')).toEqual([
      '1 一、2023年工作回顾',
      '2 （一）产业发展',
      '3 1.农业生产',
      '4 （1）粮食种植',
      '5 ①早稻',
      '1 二、2024年工作安排',
    ]);
  });

  it('accepts half-width brackets, 1、 and 1．, full-width digits and 一. written wrongly', () => {
    const hs = headings(TITLE + '一.工作回顾\n(一)产业发展\n1、农业\n2．工业\n３.服务业\n(1)粮食\n（二）民生\n');
    expect(hs.map((h) => [h.family, h.depth, h.marker?.value])).toEqual([
      ['cn-dun', 1, 1],
      ['cn-paren', 2, 1],
      ['arabic', 3, 1],
      ['arabic', 3, 2],
      ['arabic', 3, 3],
      ['arabic-paren', 4, 1],
      ['cn-paren', 2, 2],
    ]);
    expect(hs[1].marker?.brackets).toBe('half');
    expect(hs[4].marker?.fullWidthDigits).toBe(true);
  });

  it('takes the text before the first 。 as a run-in heading', () => {
    const [h] = headings(TITLE + '（一）持续壮产业，在转型升级中点燃发展引擎。着力推动三产融合，全年完成投资。\n');
    expect(h.text).toBe('持续壮产业，在转型升级中点燃发展引擎');
    expect(h.placement).toBe('run-in');
  });

  it('finds headings inline after a sentence end, and 一是 points inside paragraphs', () => {
    expect(outline(TITLE + '一、工作回顾\n主要体现在以下两个方面：（一）激发产业活力，经济质效稳步提升。一是项目落地。二是企业壮大。（二）改善民生福祉。全年新增就业。\n')).toEqual([
      '1 一、工作回顾',
      '2 （一）激发产业活力，经济质效稳步提升',
      '3 一是项目落地',
      '3 二是企业壮大',
      '2 （二）改善民生福祉',
    ]);
  });

  it('reads 第一， points, 一要 points and —— points below their heading', () => {
    expect(outline(TITLE + '一、工作回顾\n——经济发展稳中有进。全年生产总值增长。\n——民生保障更加有力。新增就业岗位。\n二、经验体会\n第一，必须坚持稳中求进。这是做好工作的前提。\n第二，必须坚持改革创新。改革是动力。\n三、工作安排\n今年要做好以下工作。一要稳增长。二要保民生。\n')).toEqual([
      '1 一、工作回顾',
      '2 ——经济发展稳中有进',
      '2 ——民生保障更加有力',
      '1 二、经验体会',
      '2 第一，必须坚持稳中求进',
      '2 第二，必须坚持改革创新',
      '1 三、工作安排',
      '2 一要稳增长',
      '2 二要保民生',
    ]);
  });

  it('reads 第一部分 as a part above 一、', () => {
    expect(outline(TITLE + '第一部分 工作回顾\n一、经济发展\n第二部分 工作安排\n一、重点任务\n')).toEqual(['1 第一部分工作回顾', '2 一、经济发展', '1 第二部分工作安排', '2 一、重点任务']);
  });
});

describe('relative levels', () => {
  it('puts 一、 under unnumbered titles when the titles come first', () => {
    const text = TITLE + '2023年工作回顾\n一年来，我们做了大量工作，取得了明显成效。全年完成投资。\n2024年工作安排\n一、稳增长\n二、保民生\n';
    expect(outline(text)).toEqual(['1 2023年工作回顾', '1 2024年工作安排', '2 一、稳增长', '2 二、保民生']);
  });

  it('makes （一） the top level when a report has no 一、', () => {
    expect(outline(TITLE + '（一）产业发展\n1.农业\n（二）民生保障\n')).toEqual(['1 （一）产业发展', '2 1.农业', '1 （二）民生保障']);
  });

  it('puts 一是 directly under 一、', () => {
    expect(outline(TITLE + '一、工作回顾\n一是经济增长。全年增长。\n二是民生改善。新增就业。\n二、工作安排\n')).toEqual(['1 一、工作回顾', '2 一是经济增长', '2 二是民生改善', '1 二、工作安排']);
  });

  it('reads three parallel lead paragraphs as headings titled by their first sentence', () => {
    const body = '一年来，我们着力发展产业，经济实力稳步增强。全年完成投资十亿元。\n一年来，我们着力改善民生，群众生活持续改善。新增就业一千人。\n一年来，我们着力加强治理，社会大局和谐稳定。信访总量下降。\n';
    expect(outline(TITLE + '一、工作回顾\n' + body + '二、工作安排\n')).toEqual([
      '1 一、工作回顾',
      '2 一年来，我们着力发展产业，经济实力稳步增强',
      '2 一年来，我们着力改善民生，群众生活持续改善',
      '2 一年来，我们着力加强治理，社会大局和谐稳定',
      '1 二、工作安排',
    ]);
    // A lead paragraph covers its own paragraph only.
    const [, lead] = headings(TITLE + '一、工作回顾\n' + body + '这些成绩来之不易。\n');
    expect(buildReportModel(TITLE).text.length).toBeGreaterThan(0);
    expect(lead.sectionEnd).toBe(lead.start + body.split('\n')[0].length);
  });

  it('ends a section before the next heading of the same or a higher level', () => {
    const text = TITLE + '一、回顾\n（一）产业\n正文一。\n（二）民生\n正文二。\n\n\n二、安排\n';
    const hs = headings(text);
    expect(text.slice(hs[0].start, hs[0].sectionEnd)).toBe('一、回顾\n（一）产业\n正文一。\n（二）民生\n正文二。');
    expect(text.slice(hs[1].start, hs[1].sectionEnd)).toBe('（一）产业\n正文一。');
  });
});

describe('look-alikes are not headings', () => {
  it.each([
    ['a letter before the digit', '广义货币M2、信贷和社会融资规模增长较快。'],
    ['quoted numbers and slogans', '“12345”工作思路全面落实，“1+5+N”体系运转良好。'],
    ['dates in quotes', '“7.23”事故处置有序。'],
    ['a decimal after a sentence end', '投资增长。3.5亿元用于民生。'],
    ['一是without a sentence end before it', '坚持全镇上下思想统一是关键。'],
    ['第一 inside a sentence', '全镇生产总值位列同类乡镇第一，增速居全市前列。'],
    ['Jan and Feb after a colon', '主要指标如下：1、2月份完成产值三亿元。'],
  ])('%s', (_name, sentence) => {
    expect(outline(TITLE + '一、工作回顾\n' + sentence + '\n')).toEqual(['1 一、工作回顾']);
  });

  it('does not take a table-of-contents line, the salutation or a lead-in ending in ：', () => {
    expect(outline('目录\n1.概述 3\n2.六镇镇2023年政府工作报告 31\n')).toEqual([]);
    expect(outline(TITLE + '围绕上述目标，我们将着重抓好以下五个方面工作：\n各位代表！\n')).toEqual([]);
  });

  it('does not take page furniture or bylines as titles', () => {
    expect(outline(TITLE + '【打印本页】 【关闭窗口】\n回到顶部\n镇长 王某某\n——在示例镇第十届人民代表大会第三次会议上\n')).toEqual([]);
  });
});

describe('text encodings and positions', () => {
  it('handles CRLF, a BOM, tabs and full-width spaces', () => {
    const text = '\uFEFF示例镇2024年工作总结\r\n\t一、工作回顾\r\n\u3000\u3000（一）产业发展\r\n正文。\r\n';
    const model = buildReportModel(text);
    expect(model.title?.text).toBe('示例镇2024年工作总结');
    expect(model.headings.map((h) => h.label)).toEqual(['一、工作回顾', '（一）产业发展']);
    const child = model.headings[1];
    expect(model.lines.positionAt(child.start)).toEqual({ line: 2, character: 2 });
    expect(model.lines.positionAt(child.sectionEnd)).toEqual({ line: 3, character: 3 });
  });

  it('counts characters outside the BMP as two UTF-16 units', () => {
    const text = TITLE + '一、𠀀𠀁工作\n';
    const [h] = headings(text);
    expect(h.text).toBe('𠀀𠀁工作');
    expect(h.textEnd - h.start).toBe(2 + 4 + 2);
  });

  it('never splits a surrogate pair when shortening a long label', () => {
    const [h] = headings(TITLE + '（一）' + '𠀀'.repeat(40) + '，后面还有很多文字。正文。\n');
    expect(h.label.endsWith('…')).toBe(true);
    expect(h.label.replace('…', '').length % 2).toBe(1); // '（一）' is 3 units, then whole pairs
  });
});

describe('flattened text', () => {
  it('still outlines a whole report on one line', () => {
    const oneLine = '示例镇2023年政府工作报告各位代表：现在我代表镇人民政府作报告。一、2022年工作回顾。过去一年成绩显著。（一）产业发展。全年投资增长。（二）民生改善。新增就业。二、2023年工作安排。今年要做好以下工作：一是稳增长；二是保民生。';
    const model = buildReportModel(oneLine);
    expect(model.title?.text).toBe('示例镇2023年政府工作报告');
    expect(model.headings.map((h) => `${h.depth} ${h.label}`)).toEqual([
      '1 一、2022年工作回顾',
      '2 （一）产业发展',
      '2 （二）民生改善',
      '1 二、2023年工作安排',
      '2 一是稳增长',
      '2 二是保民生',
    ]);
  });
});

describe('title, kind and year', () => {
  it.each([
    ['示例镇2023年政府工作报告', 'gov-report', 2023],
    ['示例镇2023年工作总结', 'summary', 2023],
    ['2024年工作要点', 'plan', 2024],
    ['示例镇2023年工作总结及2024年工作计划', 'summary-plan', 2023],
    ['示例镇2023年工作总結和2024年工作計畫', 'summary-plan', 2023],
    ['2023年度个人述职报告', 'duty-report', 2023],
    ['2023年度鎮長述職報告', 'duty-report', 2023],
    ['示例鎮2023年上半年工作開展情況', 'summary', 2023],
  ])('%s → %s', (title, kind, year) => {
    const model = buildReportModel(`${title}\n一、工作情况\n正文。\n`);
    expect(model.title?.text).toBe(title);
    expect(model.kind).toBe(kind);
    expect(model.year).toBe(year);
  });

  it('infers a government report from the salutation when there is no title', () => {
    const model = buildReportModel('各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n一、过去一年工作回顾\n');
    expect(model.title).toBeUndefined();
    expect(model.kind).toBe('gov-report');
    expect(model.kindSource).toBe('content');
  });

  it('lets the setting override the inferred kind', () => {
    expect(buildReportModel('示例镇2023年工作总结\n', { kind: 'plan' }).kind).toBe('plan');
  });
});

describe('bad input', () => {
  it('survives empty text, blank lines and binary junk', () => {
    expect(buildReportModel('').headings).toEqual([]);
    expect(buildReportModel('\n\r\n\u3000\n').headings).toEqual([]);
    let junk = '';
    for (let i = 0; i < 20000; i++) junk += String.fromCharCode((i * 7919) % 65536);
    expect(() => buildReportModel(junk)).not.toThrow();
  });
});

describe('text copied from the web', () => {
  it('ends a glued section title at its keyword: 一、2022年工作回顾刚刚过去的一年…', () => {
    const [h] = headings('示例镇2023年政府工作报告各位代表：现在作报告。一、2022年工作回顾刚刚过去的一年，面对经济下行压力，我们迎难而上，全镇经济稳中向好，各项事业取得新进展。');
    expect(h.label).toBe('一、2022年工作回顾');
  });

  it('ends a heading at the space that replaced a lost line break', () => {
    const hs = headings('示例乡政府工作报告 各位代表：现在作报告。 （一）经济指标实现新增长 一年来，我们紧扣中心，实干兴乡，千方百计破解发展难题，经济总量持续攀升。 （二）产业结构持续优化 全年新增企业十家。');
    expect(hs.map((h) => h.label)).toEqual(['（一）经济指标实现新增长', '（二）产业结构持续优化']);
  });

  it('keeps finding inline headings after a quotation whose closing mark was lost', () => {
    const text = TITLE + '一、回顾\n坚持以“四个重在为实践要领，统筹推进各项工作，在比拼中不断进取，在发展中提速升位，社会各项事业呈现齐头并进的良好局面，经济社会呈现跨越发展的良好态势。（一）经济指标实现新增长。全年增长。\n';
    expect(outline(text)).toEqual(['1 一、回顾', '2 （一）经济指标实现新增长']);
  });

  it('takes the report title, not the notice that publishes it', () => {
    const model = buildReportModel('示例镇人民政府关于印发2024年政府工作报告的通知\n各村（居）民委员会：\n现将2024年《政府工作报告》印发给你们，请认真贯彻实施，切实做好政府各项工作，确保完成全年目标任务。\n2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n');
    expect(model.title?.text).toBe('2024年政府工作报告');
    expect(model.year).toBe(2024);
  });

  it('reads years written with spaces or before 上半年', () => {
    expect(buildReportModel('镇 2025 年工作要点\n一、目标\n').year).toBe(2025);
    const half = buildReportModel('镇2023上半年工作开展情况和下半年工作打算\n一、上半年工作\n');
    expect(half.year).toBe(2023);
    expect(half.kind).toBe('summary-plan');
  });
});

describe('spoken lines and the closing', () => {
  it('does not let a spoken line (首先报告…) enclose the numbered sections after it, and keeps 结束语 at the top', () => {
    const text = [
      '各位代表：',
      '现在，我代表政府向大会作报告，请予审议，并请各位列席人员提出意见。',
      '首先报告2023年的工作',
      '过去一年，全镇经济社会发展取得了新的成绩，各项事业全面进步，人民生活持续改善。',
      '今年要着重做好以下两个方面的工作：',
      '一、扩大有效投资',
      '一是抓项目。项目是发展的基础。',
      '二是优环境。环境是发展的保障。',
      '二、保障改善民生',
      '结束语',
      '各位代表！让我们团结一心，为完成全年目标任务而努力奋斗！',
      '',
    ].join('\n');
    expect(outline(text)).toEqual(['1 首先报告2023年的工作', '1 一、扩大有效投资', '2 一是抓项目', '2 二是优环境', '1 二、保障改善民生', '1 结束语']);
  });
});
