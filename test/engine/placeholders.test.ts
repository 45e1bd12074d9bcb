import { describe, it, expect } from 'vitest';
import * as path from 'node:path';
import { findPlaceholders } from '../../server/src/engine/pipeline/07-placeholders';
import type { PlaceholderForm } from '../../server/src/engine/model';
import { corpusFiles, corpusText, hasCorpus } from '../helpers/corpus';

/** `[text, form]` pairs of what was found. */
function found(text: string): Array<[string, PlaceholderForm]> {
  return findPlaceholders(text).map((p) => [p.text, p.form]);
}

describe('findPlaceholders: positive forms', () => {
  const cases: Array<[string, string, Array<[string, PlaceholderForm]>]> = [
    ['x-run', '在xx镇第三届人民代表大会上', [['xx', 'x-run']]],
    ['x-run upper', '坚持以XXXX为指导', [['XXXX', 'x-run']]],
    ['x-run year', 'xxxx年是开局之年', [['xxxx', 'x-run']]],
    ['partly masked year', '回顾20xx年的工作', [['20xx', 'x-run']]],
    ['masked date', '——202x年x月x日在镇人代会上', [['202x', 'x-run'], ['x', 'single-x'], ['x', 'single-x']]],
    ['single x before a unit', '签约新项目x个，开工x个。', [['x', 'single-x'], ['x', 'single-x']]],
    ['single x before 月', '预计x月底竣工', [['x', 'single-x']]],
    ['single X as a name', '与X市签订合作协议', [['X', 'single-x']]],
    ['single x with spaces', '新增企业 x 家', [['x', 'single-x']]],
    ['masked formula', '落实“x+x+x”部署', [['x', 'single-x'], ['x', 'single-x'], ['x', 'single-x']]],
    ['masked decimal', '生产总值x.x亿元', [['x.x', 'masked-number']]],
    ['masked percent', '增长xx.xx%', [['xx.xx', 'masked-number']]],
    ['partly masked percent', '同比增长xx0.9%', [['xx0.9', 'masked-number']]],
    ['partly masked integer', '人均收入1XX32元', [['1XX32', 'masked-number']]],
    ['masked decimal digit', '占比21.X%', [['21.X', 'masked-number']]],
    ['masked 4A', '创建xA级景区', [['xA', 'masked-number']]],
    ['masked 5G', '建设xG基站', [['xG', 'masked-number']]],
    ['masked PM2.5', '全年PMx.x平均浓度下降', [['x.x', 'masked-number']]],
    ['masked PM10', '细颗粒物（PMxx.x）浓度', [['xx.x', 'masked-number']]],
    ['crosses', '××镇人民政府', [['××', 'cross']]],
    ['lone cross before a name', '在×乡调研', [['×', 'cross']]],
    ['circles', '○○村委会', [['○○', 'circle']]],
    ['zero circles', '〇〇乡人民政府', [['〇〇', 'circle']]],
    ['mou mou', '某某同志任镇长', [['某某', 'mou']]],
    ['mou town', '某镇党委', [['某', 'mou']]],
    ['mou unit', '某单位负责人', [['某', 'mou']]],
    ['mou company', '引进某公司投资', [['某', 'mou']]],
    ['mou traditional', '某鎮人民政府', [['某', 'mou']]],
    ['asterisks', '在**乡第**届人代会上', [['**', 'asterisk'], ['**', 'asterisk']]],
    ['asterisk speaker', '讲话\n\n***\n\n各位代表', [['***', 'asterisk']]],
    ['asterisk percent', '比上年增长*%', [['*', 'asterisk']]],
    ['full-width asterisks', '＊＊镇', [['＊＊', 'asterisk']]],
    ['underscores year', '本人自20__年起任职', [['__', 'underscore']]],
    ['underscores name', '任__镇镇长', [['__', 'underscore']]],
    ['underscores count', '参加学习__次', [['__', 'underscore']]],
    ['ellipsis bracket', '〔…〕镇2024年工作总结', [['〔…〕', 'bracket']]],
    ['dots bracket', '〔...〕乡坚持', [['〔...〕', 'bracket']]],
    ['empty lenticular', '报送单位：【】', [['【】', 'bracket']]],
    ['named lenticular', '【单位名称】2024年工作总结', [['【单位名称】', 'bracket']]],
    ['fill-in parentheses', '（此处填写镇名）人民政府', [['（此处填写镇名）', 'bracket']]],
    ['empty parentheses', '完成投资（  ）万元', [['（  ）', 'bracket']]],
    ['bracketed x', '〔xx〕镇', [['〔xx〕', 'bracket']]],
    ['equals', '投资==亿元建设新城', [['==', 'equals']]],
    ['ellipsis at paragraph end', '三是文旅产业……\n四是', [['……', 'ellipsis-cut']]],
    ['ellipsis at end of text', '重点抓好以下工作……', [['……', 'ellipsis-cut']]],
    ['three dots at paragraph end', '推进园区基础...\r\n', [['...', 'ellipsis-cut']]],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      expect(found(text)).toEqual(expected);
    });
  }

  it('blank before a unit', () => {
    const text = '收缴医保基金 万元，参保率达 %。接待群众 人次，';
    const ph = findPlaceholders(text);
    expect(ph.map((p) => [p.text, p.form, p.confidence])).toEqual([
      [' ', 'blank-before-unit', 'high'],
      [' ', 'blank-before-unit', 'high'],
      [' ', 'blank-before-unit', 'medium'],
    ]);
    expect(ph[0].start).toBe(text.indexOf(' 万元'));
  });

  it('number missing after a verb or an amount word', () => {
    const text = '全镇实现生产总值亿元，同比增长%，人均元；新增户；增长 %。';
    const ph = findPlaceholders(text);
    expect(ph.map((p) => [p.text, p.form, p.confidence])).toEqual([
      ['亿元', 'missing-number', 'medium'],
      ['%', 'missing-number', 'medium'],
      ['元', 'missing-number', 'medium'],
      ['户', 'missing-number', 'medium'],
      [' ', 'missing-number', 'medium'],
    ]);
    expect(ph[0].start).toBe(text.indexOf('亿元'));
  });

  it('empty date', () => {
    const text = '政府工作报告\n（年月日在镇人代会上）';
    expect(findPlaceholders(text).map((p) => [p.text, p.form, p.confidence])).toEqual([['年月日', 'missing-number', 'medium']]);
    expect(found('出生年月日')).toEqual([]);
  });

  it('a year deleted before 年 at the start of a sentence', () => {
    const text = '请提出意见。 年政府工作回顾 年，是我镇发展的一年。\n年工作总结';
    const ph = findPlaceholders(text);
    expect(ph.map((p) => [p.text, p.form, p.confidence])).toEqual([
      ['年', 'missing-number', 'medium'],
      ['年', 'missing-number', 'medium'],
      ['年', 'missing-number', 'medium'],
    ]);
    expect(ph.map((p) => p.start)).toEqual([7, 15, 27]);
    for (const silent of ['今年是关键之年', '镇 2025 年工作要点', '二〇二五 年工作要点', '实现产值2025\n年是开局之年', '新的一年，我们', '年底前完成', '年轻干部是骨干']) {
      expect(found(silent), silent).toEqual([]);
    }
  });

  it('a rate missing from a clause of only 增长 or 下降 after an amount', () => {
    const text = '完成投资5亿元，增长；税收300万元，下降。';
    const ph = findPlaceholders(text);
    expect(ph.map((p) => [p.text, p.form, p.confidence, p.start])).toEqual([
      ['；', 'missing-number', 'medium', text.indexOf('；')],
      ['。', 'missing-number', 'medium', text.indexOf('。')],
    ]);
    for (const silent of ['耕地面积有了新的增长；', '排放量继续下降；', '完成投资5亿元，增长12%；', '收入增加，增长；', '增长，下降。']) {
      expect(found(silent), silent).toEqual([]);
    }
  });

  it('number missing after 折合', () => {
    expect(found('年收入按汇率折合美元；')).toEqual([['美元', 'missing-number']]);
    expect(found('折合美元计算的出口额')).toEqual([]);
  });

  it('number missing after 稳定在 and 外资', () => {
    expect(found('面积稳定在万亩，利用外资亿元。')).toEqual([
      ['万亩', 'missing-number'],
      ['亿元', 'missing-number'],
    ]);
  });

  it('reports the confidence of unmistakable blanks as high', () => {
    expect(findPlaceholders('xxxx年')[0].confidence).toBe('high');
  });
});

describe('findPlaceholders: look-alikes stay silent', () => {
  const silent: string[] = [
    '细颗粒物（PM2.5）平均浓度下降',
    '广义货币M2增长',
    '建成5G基站1200个',
    '国产C919大飞机交付',
    'GDP增长5.2%',
    '配备CT设备',
    '购置X光机两台',
    '开展X射线检测',
    '推行“3+X”模式',
    '构建“1+5+N”体系',
    '开展1+X证书试点',
    '政务App上线',
    '用Excel汇总台账',
    '创成4A级景区',
    '水质稳定在Ⅲ类',
    '举办3×3篮球赛',
    '举办3x3篮球赛',
    '分辨率1920x1080',
    '二〇二四年一月',
    '二〇〇八年',
    '县政发〔2024〕5号',
    '某些行业竞争力不强',
    '在某种程度上',
    '某一方面',
    '某个时期',
    '某市场主体',
    '出生率9.8‰',
    '玩Xbox游戏',
    '版本Max.x1发布',
    '文件index.xml已更新',
    '乘taxi出行',
    '基于Linux系统',
    '网址www.example.gov.cn/xxgk',
    '详见https://example.org/index?x=1',
    '邮箱xx@example.com',
    '改造县道X195横沥段',
    '一、回顾\n* * *\n二、计划',
    '一、回顾\n*****\n二、计划',
    '签名\n__________\n',
    '=========',
    '变量file_name',
    '引进投资亿元以上项目5个',
    '人均收入突破万元大关',
    '年产值超亿元',
    '帮扶低收入户，',
    '吸引投资人。',
    '实现人的全面发展',
    '不断提高人民生活水平',
    '完成个人所得税征收',
    '【打印本页】 【关闭窗口】',
    '农业、工业等等',
    '他说：“我们……”然后离开',
    '一是……二是……三是增收',
    '主要指标(%)',
    '增长5 %',
    '卫生保健 。继续抓好',
    '抓好免疫、 人禽流感防治',
    '镇第十二届 人民代表大会',
    '2025 年地区生产总值',
    '',
  ];
  for (const text of silent) {
    it(JSON.stringify(text), () => {
      expect(found(text)).toEqual([]);
    });
  }
});

describe('findPlaceholders: offsets', () => {
  it('counts CRLF line ends', () => {
    const text = '一、回顾\r\n（一）成效\r\n实现生产总值xx亿元';
    const [p] = findPlaceholders(text);
    expect(p.start).toBe(text.indexOf('xx'));
    expect(p.end).toBe(p.start + 2);
    expect(text.slice(p.start, p.end)).toBe('xx');
  });

  it('counts a BOM', () => {
    const text = '\uFEFFxx镇工作总结';
    const [p] = findPlaceholders(text);
    expect([p.start, p.end, p.text]).toEqual([1, 3, 'xx']);
  });

  it('counts characters outside the BMP as two units', () => {
    const text = '𠀀𠀀镇新增企业x家';
    const [p] = findPlaceholders(text);
    expect(p.start).toBe(text.indexOf('x'));
    expect(p.start).toBe(9);
    expect(p.text).toBe('x');
  });

  it('folds full-width letters but reports the original text', () => {
    const text = '在ＸＸ镇人民代表大会上，增长ｘ．ｘ％';
    const ph = findPlaceholders(text);
    expect(ph.map((p) => [p.start, p.end, p.text, p.form])).toEqual([
      [1, 3, 'ＸＸ', 'x-run'],
      [14, 17, 'ｘ．ｘ', 'masked-number'],
    ]);
  });

  it('folds the ideographic space of a blank', () => {
    const text = '参合率达\u3000%';
    const [p] = findPlaceholders(text);
    expect([p.start, p.end, p.form]).toEqual([4, 5, 'blank-before-unit']);
  });

  it('returns placeholders in document order without overlaps', () => {
    const text = '〔xx〕镇xx年完成x.x亿元，某镇增长%';
    const ph = findPlaceholders(text);
    for (let k = 1; k < ph.length; k++) expect(ph[k].start).toBeGreaterThanOrEqual(ph[k - 1].end);
    expect(ph.map((p) => p.text)).toEqual(['〔xx〕', 'xx', 'x.x', '某', '%']);
  });
});

describe('findPlaceholders: options', () => {
  it('drops a placeholder whose text is an ignore word', () => {
    expect(findPlaceholders('xx镇', { ignoreWords: ['xx'] })).toEqual([]);
    expect(findPlaceholders('XX镇', { ignoreWords: ['ＸＸ'] })).toEqual([]);
    expect(findPlaceholders('xx镇x个', { ignoreWords: ['xx'] }).map((p) => p.text)).toEqual(['x']);
  });

  it('drops a placeholder inside an ignore word', () => {
    expect(findPlaceholders('加强X建引领', { ignoreWords: ['X建'] })).toEqual([]);
    expect(findPlaceholders('加强X建引领，X员带头', { ignoreWords: ['X建'] }).map((p) => p.start)).toEqual([7]);
  });

  it('adds ranges from extra matchers as custom placeholders', () => {
    const text = '报告人：（待定）';
    const ph = findPlaceholders(text, {
      extraMatchers: [(t) => (t.includes('（待定）') ? [{ start: t.indexOf('（待定）'), end: t.indexOf('（待定）') + 4 }] : [])],
    });
    expect(ph).toEqual([{ start: 4, end: 8, text: '（待定）', form: 'custom', confidence: 'high' }]);
  });

  it('keeps built-in and custom placeholders apart when they overlap', () => {
    const ph = findPlaceholders('xx镇', { extraMatchers: [() => [{ start: 0, end: 3 }]] });
    expect(ph.map((p) => [p.text, p.form])).toEqual([['xx镇', 'custom']]);
  });
});

describe('findPlaceholders: speed', () => {
  it('scans 1 MB in well under a second', () => {
    const unit = '一、2023年工作回顾\n全年实现生产总值xx.x亿元，同比增长x%，新签约项目x个，PM2.5浓度下降，某些指标“3+X”。\r\n';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const t0 = performance.now();
    const ph = findPlaceholders(text);
    const ms = performance.now() - t0;
    expect(ph.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(1000);
  });
});

describe.skipIf(!hasCorpus)('findPlaceholders: corpus', () => {
  const national = corpusFiles('national');
  const templates = [...corpusFiles('excerpts', (n) => /^T\d+/.test(n)), ...corpusFiles('local', (n) => n === 'town-summary-and-plan-template.txt')];
  const real = [...corpusFiles('excerpts', (n) => /^E\d+/.test(n)), ...corpusFiles('local', (n) => n !== 'town-summary-and-plan-template.txt')];

  it('finds the corpus files', () => {
    expect(national.length).toBeGreaterThan(0);
    expect(templates.length).toBeGreaterThan(0);
  });

  for (const file of national) {
    it(`finds nothing in ${path.basename(file)}`, () => {
      expect(found(corpusText(file))).toEqual([]);
    });
  }

  for (const file of real) {
    it(`finds nothing in the real report ${path.basename(file)}`, () => {
      expect(found(corpusText(file))).toEqual([]);
    });
  }

  for (const file of templates) {
    it(`finds blanks in the template ${path.basename(file)}`, () => {
      const text = corpusText(file);
      const ph = findPlaceholders(text);
      expect(ph.length).toBeGreaterThan(0);
      for (const p of ph) expect(text.slice(p.start, p.end)).toBe(p.text);
    });
  }
});
