// Digest of every finding (rule, range, message, severity, fixes, data) for every corpus document,
// the corpus as one line, and the bench's generated shapes, so a change that should keep findings
// identical can be checked: run it before and after, and diff the outputs.
// Usage: node scripts/findings-digest.mjs [--detail] > digest.txt
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from './lib/corpus-texts.mjs';
import { importTs } from './lib/import-ts.mjs';

const detail = process.argv.includes('--detail');
const engine = await importTs('engine-digest', ['server/src/engine/index.ts']);
const settings = engine.defaultSettings();

const docs = [];
if (existsSync(CORPUS)) {
  for (const dir of ['local', 'national', 'excerpts']) {
    for (const f of readdirSync(join(CORPUS, dir)).filter((f) => f.endsWith('.txt')).sort()) docs.push([`${dir}/${f}`, readFileSync(join(CORPUS, dir, f), 'utf8')]);
  }
}
for (const f of readdirSync('examples').filter((f) => f.endsWith('.txt')).sort()) docs.push([`examples/${f}`, readFileSync(join('examples', f), 'utf8')]);
const seed = docs.map(([, t]) => t).join('\n');
docs.push(['corpus as lines', seed]);
docs.push(['corpus as one line', seed.replace(/\r\n|\r|\n/g, '')]);
docs.push(['corpus CRLF', seed.replace(/\r?\n/g, '\r\n')]);
const lines = [];
for (let i = 0; i < 3000; i++) lines.push(`数据行${i} 甲 乙 丙\n`);
docs.push(['short lines', lines.join('')]);
let headings = '某镇2024年工作总结\n';
for (let a = 1; a <= 60; a++) {
  headings += `${a}、第${a}方面工作\n`;
  for (let b = 1; b <= 9; b++) {
    headings += `（${b}）第${b}项任务\n`;
    for (let c = 1; c <= 5; c++) headings += `${c}.推进第${c}项措施。按期完成。\n`;
  }
}
docs.push(['headings', headings]);
const x = 'X'.repeat(200);
docs.push(['long placeholders', `全年实现生产总值${x}亿元，完成固定资产投资${'_'.repeat(200)}万元，【此处填写${'单位名称'.repeat(40)}】，新增就业${'×'.repeat(100)}人……\n`.repeat(50)]);
// Half-width text: the corpus's punctuation made half-width, as lines and as one line.
const half = seed.slice(0, 200000).replace(/，/g, ',').replace(/：/g, ':').replace(/；/g, ';').replace(/（/g, '(').replace(/）/g, ')');
docs.push(['half-width corpus', half]);
docs.push(['half-width one line', half.replace(/\r\n|\r|\n/g, '')]);
const mixed = seed.slice(0, 300000).split('\n').map((l, i) => (i % 7 === 3 ? l.replace(/，/g, ',') : i % 11 === 5 ? l.replace('，', ',') : l)).join('\n');
docs.push(['mixed half-width', mixed]);

docs.push(['corpus x4', (seed + '\n').repeat(4)]);
const sparse = seed.split('\n').map((l, i) => (i % 97 === 3 ? l.replace(/，/g, ',') : i % 89 === 5 ? l.replace('，', ',').replace('（', '(').replace('）', ')') : l)).join('\n');
docs.push(['sparse half-width', sparse]);

// Web residue of every kind, inside text and on lines of its own, with blanks around it.
{
  const phrases = ['添加本站到电脑桌面', '添加到电脑桌面', '收藏本站', '设为首页', 'VIP专享', 'VIP免费', '【打印本页】', '【关闭窗口】', '【打印此页】', '【大 中 小】', '【大中小】', '[ 打印 ]', '[关闭]', '打印本页', '关闭窗口', '联系客服', '在线客服', '回到顶部', '返回顶部', '您可能关注的文档', '相关推荐', '猜你喜欢', '如遇无法支付请联系客服', '如遇无法支付', '下载后查看', '点击下载', '立即下载本文', '免费下载文档', '下载本文档', '下载此文档', '扫一扫在手机打开当前页', '扫一扫', '无障碍浏览', '长者模式', '上一篇：', '下一篇:', '下面是小编为大家整理的，供参考。', '以下是小编收集的仅供借鉴！', '小编为大家整理了范文，希望对您有帮助', '希望对大家有所帮助。', '希望能对您有帮助', '欢迎阅读。', '欢迎下载', '本文来源：人民网', '本文来自:网络', '工作总结范文（精选3篇）', '工作报告範文', '计划范文大全', '---此处隐藏3934字，下载后查看---', '此处隐藏：1200字，请下载后阅读', '—— 此处隐藏 12 字 ——', '索引号：123', '索 引 号:', '• 发布日期：2024-01-05', '当前位置：首页 > 信息公开', '首页 >> 公开', '您现在的位置: 首页', '2024-01-05', '12', '第 3 页', '- 2 -', 'www.example.com', 'ABC-123_x', '|', '[ ]', '网站首页', '范文', '上一', '下一步工作', '在线', '本文', '以下'];
  const fillers = ['全镇经济稳中有进。', '一、回顾', '我们要继续努力，', '', '  ', '　', '2023年工作总结', '关于', '下', '此'];
  let seedN = 12345;
  const rand = (n) => ((seedN = (seedN * 1103515245 + 12345) & 0x7fffffff) % n);
  const out = [];
  for (let k = 0; k < 4000; k++) {
    const parts = [];
    const count = 1 + rand(3);
    for (let j = 0; j < count; j++) parts.push(rand(2) ? phrases[rand(phrases.length)] : fillers[rand(fillers.length)]);
    out.push(parts.join(rand(3) === 0 ? ' ' : '') + (rand(5) === 0 ? '  ' : ''));
  }
  docs.push(['residue fuzz', out.join('\n')]);
  docs.push(['residue fuzz one line', out.join('')]);
  docs.push(['residue fuzz CRLF', out.join('\r\n')]);
  const inline = [];
  const long = '全镇经济稳中有进，各项事业全面发展，人民生活水平不断提高，社会大局和谐稳定。';
  for (let k = 0; k < 3000; k++) inline.push(long.slice(0, 10 + rand(30)) + phrases[rand(phrases.length)] + (rand(2) ? long : '') + (rand(4) === 0 ? phrases[rand(phrases.length)] + ' ' : ''));
  docs.push(['residue inline', inline.join('\n')]);
  docs.push(['residue inline one line', inline.join('')]);
}

let total = 0;
const all = createHash('sha256');
for (const [name, text] of docs) {
  const analysis = engine.analyze(text, settings);
  const findings = analysis.findings.map((f) => ({ ruleId: f.ruleId, start: f.start, end: f.end, message: f.message, severity: f.severity, fixes: f.fixes, data: f.data }));
  const json = JSON.stringify(findings);
  const h = createHash('sha256').update(json).digest('hex').slice(0, 16);
  all.update(json);
  total += findings.length;
  const byRule = {};
  for (const f of findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  console.log(`${name}\t${findings.length}\t${h}\t${JSON.stringify(byRule)}`);
  if (detail) for (const f of findings) console.log('  ' + JSON.stringify(f));
}
{
  const custom = engine.defaultSettings();
  custom.placeholders.ignoreWords = ['X建', '某镇'];
  custom.placeholders.extraPatterns = ['待定'];
  const analysis = engine.analyze(seed, custom);
  const json = JSON.stringify(analysis.findings.map((f) => ({ ruleId: f.ruleId, start: f.start, end: f.end, message: f.message, severity: f.severity, fixes: f.fixes, data: f.data })));
  all.update(json);
  console.log(`custom settings\t${analysis.findings.length}\t${createHash('sha256').update(json).digest('hex').slice(0, 16)}`);
}
console.log(`all\t${total}\t${all.digest('hex').slice(0, 16)}`);
