import { describe, expect, it } from 'vitest';
import { looksLikeReport } from '../../server/src/engine/detect';
import { corpusFiles, corpusText, hasCorpus } from '../helpers/corpus';

describe('looksLikeReport: which .txt files switch to the gongwen language', () => {
  it.each([
    ['a government report title', '横沥镇2023年政府工作报告\n\n各位代表：\n'],
    ['a summary title in traditional script', '2024年鄉鎮年工作總結範文和2024年工作計畫\n'],
    ['a duty report in traditional script', '鎮長述職報告\n尊敬的各位領導：\n'],
    ['a plan after page furniture', '首页 > 信息公开\n\n2025年工作要点\n一、工作目标\n'],
    ['no title, but the salutation and 政府工作', '各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n'],
  ])('%s', (_name, head) => expect(looksLikeReport(head)).toBe(true));

  it.each([
    ['meeting minutes', '会议纪要\n时间：2024年3月5日\n地点：三楼会议室\n'],
    ['a salutation without a report', '各位代表：\n欢迎大家参加今天的座谈会。\n'],
    ['code', 'function main() {\n  return 0;\n}\n'],
    ['an empty file', ''],
  ])('not %s', (_name, head) => expect(looksLikeReport(head)).toBe(false));
});

// Reports without a title line: a page cut from one, a draft that starts at the salutation or at
// its first section. Own text, shaped like the corpus.
const lines = (...ls: string[]) => ls.join('\n') + '\n';

describe('looksLikeReport: a report without a title, from its body', () => {
  it.each([
    ['the salutation with a half-width colon and "作工作报告"', lines('各位代表:', '现在,我谨代表镇人民政府,向大会作工作报告,请予审议。', '一、过去五年工作的回顾。')],
    ['the salutation "各位代表、同志们：" glued into one flattened line', lines('示例乡第十届人民代表大会第二次会议 各位代表、同志们：现在，我代表乡人民政府向大会作政府工作报告，请予审议。（一）经济指标实现新增长')],
    ['two numbered sections naming standard parts', lines('一、2023年工作开展情况', '全年完成各项任务。', '二、存在的问题和不足', '发展基础仍然薄弱。')],
    ['one review section with parallel points (一是…二是…)', lines('一、今年以来工作回顾', '——今年以来，我们凝心聚力，综合实力不断提升。一是招商引资成效显著。二是项目推进平稳有序。')],
    ['a page from the middle: （一）（二） in report words, lead paragraphs, figures', lines(
      '（一）筑牢基础，多措并举推进高质量发展',
      '粮食安全保障有力。全年种植粮食12.5万亩，总产达6.1万吨。',
      '文旅项目落地开花。推进游客服务中心建设，接待游客8万人次。',
      '（二）建管并重，打造生态宜居示范镇',
      '乡村功能更加完善。投资386万元，新建道路9公里。',
    )],
    ['a duty report that opens "现将…汇报如下" and goes into 一、', lines('现将本人一年来的履职情况汇报如下：', '一、加强学习，提升履职能力', '坚持学习不放松。', '二、存在的不足', '工作方法还需改进。')],
  ])('%s', (_name, head) => expect(looksLikeReport(head)).toBe(true));

  it.each([
    ['a shopping list numbered 一、二、', lines('一、水果', '苹果两斤。', '二、蔬菜', '白菜一棵。')],
    ['minutes with one 二、下一步工作安排', lines('一、会议议题', '讨论春季运动会。', '二、下一步工作安排', '各班做好准备。')],
    ['a note with one 一、工作回顾', lines('读书笔记', '一、工作回顾这一章写得很好', '值得再读一遍。')],
    ['a diary of short sentences', lines('今天天气很好。我去了公园。', '晚上下雨了。在家看书。', '明天要早起。先去买菜。')],
    ['an essay outline in report words', lines('一、经济发展', '二、社会建设', '三、文化繁荣')],
    ['a price list full of figures', lines('一、水果', '苹果12万箱，增长5%。', '梨8万箱，增长3%。')],
    ['a speech salutation without a report', lines('各位领导、同志们：', '今天我们在这里召开座谈会。', '一、提高认识', '二、狠抓落实')],
  ])('not %s', (_name, head) => expect(looksLikeReport(head)).toBe(false));
});

describe.skipIf(!hasCorpus)('looksLikeReport on the corpus excerpts (pages cut from reports)', () => {
  // A speech at a meeting (交流发言) is not a work report: it stays plain text.
  const NOT_REPORTS = new Set(['excerpts/T17_town_speech_X_masks_party.txt']);
  for (const path of corpusFiles('excerpts')) {
    it(`${path}: ${NOT_REPORTS.has(path) ? 'stays plain text' : 'is a report'}`, () => {
      // What the editor passes: the first 40 lines.
      const head = corpusText(path).split(/\r?\n/).slice(0, 40).join('\n');
      expect(looksLikeReport(head)).toBe(!NOT_REPORTS.has(path));
    });
  }

  it('excerpts with their first two lines (title, salutation) cut off are still reports, where 500 characters are left', () => {
    const cut = corpusFiles('excerpts')
      .filter((p) => !NOT_REPORTS.has(p))
      .map((p) => ({ p, body: corpusText(p).split(/\r?\n/).filter((l) => l.trim()).slice(2, 42).join('\n') }))
      .filter(({ body }) => body.length >= 500);
    expect(cut.length).toBeGreaterThan(10);
    // Known miss: in its first 2000 characters, once the title is gone, only one section heading
    // (`一、xx年工作總結`) and one `(一)` remain, in traditional script with every figure masked.
    const KNOWN_MISSES = ['excerpts/T10_township_summary_and_plan_trad_xx.txt'];
    expect(cut.filter(({ body }) => !looksLikeReport(body)).map(({ p }) => p)).toEqual(KNOWN_MISSES);
  });
});
