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
