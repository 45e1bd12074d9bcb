// Digest of every finding (rule, range, message, severity, fixes, data) and of the sections found,
// for each corpus document under each report kind, the same flattened to one line, the bench's
// generated input shapes, and a few edits re-analysed from the memo. Run it before and after a
// change to a rule: the two outputs must be identical (issue 11: findings never change for speed).
// Usage: node scripts/findings-digest.mjs [--verbose] > digest.txt
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { corpusTexts } from './lib/corpus-texts.mjs';
import { importTs } from './lib/import-ts.mjs';

const verbose = process.argv.includes('--verbose');
const engine = await importTs('engine-digest', ['server/src/engine/index.ts', existsSync('server/src/engine/sections.ts') ? 'server/src/engine/sections.ts' : 'server/src/engine/sections/index.ts']);
const hash = (s) => createHash('sha256').update(s).digest('hex').slice(0, 16);

function digest(name, text, settings, previous) {
  const analysis = engine.analyze(text, settings, previous);
  const findings = analysis.findings.map((f) => ({
    r: f.ruleId, s: f.start, e: f.end, m: f.message, v: f.severity, d: f.data,
    x: f.fixes?.map((x) => ({ t: x.title, e: x.edits, s: x.safe, p: x.preferred })),
  }));
  const sections = engine.findSections(analysis.model).map((m) => [m.id, m.present, m.paragraph, m.at, m.segment, m.heading?.start]);
  const body = JSON.stringify({ findings, sections, failures: analysis.failures });
  console.log(`${name}\t${analysis.findings.length}\t${hash(body)}`);
  if (verbose) console.log(body);
  return analysis;
}

const { texts } = corpusTexts();
const kinds = ['auto', 'gov-report', 'summary', 'plan', 'summary-plan', 'duty-report'];
texts.forEach((text, i) => {
  for (const kind of kinds) {
    const settings = { ...engine.defaultSettings(), kind };
    digest(`corpus ${i} ${kind}`, text, settings);
    digest(`corpus ${i} ${kind} one-line`, text.replace(/\r\n|\r|\n/g, ''), settings);
  }
  // Edits re-analysed from the memo: a character typed, a line break added, a line removed.
  const settings = engine.defaultSettings();
  let prev = digest(`corpus ${i} edit 0`, text, settings);
  let t = text;
  for (let k = 1; k <= 6; k++) {
    const at = Math.floor((t.length * k) / 7);
    const lineStart = t.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = t.indexOf('\n', at);
    if (k % 3 === 1) t = t.slice(0, at) + '问' + t.slice(at);
    else if (k % 3 === 2) t = t.slice(0, at) + '\n' + t.slice(at);
    else t = t.slice(0, lineStart) + (lineEnd < 0 ? '' : t.slice(lineEnd + 1));
    prev = digest(`corpus ${i} edit ${k}`, t, settings, engine.memoOf(prev.model));
  }
});

const CN = '零一二三四五六七八九';
const cn = (n) => (n < 10 ? CN[n] : n < 20 ? '十' + (n % 10 ? CN[n % 10] : '') : CN[Math.floor(n / 10) % 10] + '十' + (n % 10 ? CN[n % 10] : ''));
function headings(blocks) {
  const parts = ['某镇2024年工作总结\n'];
  for (let a = 1; a <= blocks; a++) {
    let block = `${cn(((a - 1) % 99) + 1)}、第${a}方面工作\n`;
    for (let b = 1; b <= 9; b++) {
      block += `（${cn(b)}）第${b}项任务\n`;
      for (let c = 1; c <= 5; c++) block += `${c}.推进第${c}项措施。按期完成。\n`;
    }
    parts.push(block);
  }
  return parts.join('');
}
const shapes = {
  headings: headings(60),
  'headings gov': headings(30).replace('某镇2024年工作总结', '某镇2024年政府工作报告\n各位代表：'),
  // Numbering faults for the numbering rules: skipped and repeated numbers, mixed marker forms, stray years.
  'headings faulty': headings(40).split('\n').map((line, i) => (i % 7 === 3 ? line.replace(/^(\d)\./, (m, d) => `${Number(d) + 1}.`) : i % 11 === 5 ? line.replace(/^（(.)）/, '($1)') : i % 13 === 4 ? line.replace(/^(\d)\./, '$1、') : i % 17 === 2 ? line.replace('工作', '2019年工作：') : i % 19 === 8 ? line + '。' : line)).join('\n'),
  'short lines': Array.from({ length: 3000 }, (_, i) => `数据行${i} 甲 乙 丙\n`).join(''),
  'long placeholders': `全年实现生产总值${'X'.repeat(200)}亿元，完成固定资产投资${'_'.repeat(200)}万元，【此处填写${'单位名称'.repeat(40)}】，新增就业${'×'.repeat(100)}人……\n`.repeat(50),
  'corpus as lines': texts.join('\n'),
  'corpus as one line': texts.join('').replace(/\r\n|\r|\n/g, ''),
};
for (const [name, text] of Object.entries(shapes)) {
  for (const kind of kinds) digest(`shape ${name} ${kind}`, text, { ...engine.defaultSettings(), kind });
}
