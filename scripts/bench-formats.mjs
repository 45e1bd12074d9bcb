// Measures the format adapters on a ~1 MB report: Markdown projection, GB/T 9704 export, and
// reading the exported .docx back (with the analysis each needs). Usage: npm run bench:formats
import { corpusTexts } from './lib/corpus-texts.mjs';
import { importTs } from './lib/import-ts.mjs';

const lib = await importTs('formats', ['engine/index', 'formats/docx-export', 'formats/docx-reader', 'formats/markdown-projection'].map((m) => `server/src/${m}.ts`));

const sources = corpusTexts(['local', 'national']).texts;
let text = '';
while (Buffer.byteLength(text) < 1_000_000) text += sources.join('\n') + '\n';
const markdown = text.replace(/^([一二三四五六七八九十]+、.*)$/gm, '## $1').replace(/^(（[一二三四五六七八九十]+）[^。\n]*。)/gm, '**$1**');

const one = [...sources].sort((a, b) => b.length - a.length)[0];
const oneMarkdown = one.replace(/^([一二三四五六七八九十]+、.*)$/gm, '## $1').replace(/^(（[一二三四五六七八九十]+）[^。\n]*。)/gm, '**$1**');

const time = async (fn) => {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
};
const settings = lib.defaultSettings();
lib.projectMarkdown(oneMarkdown); // warm up
const [oneProjectMs] = await time(() => lib.projectMarkdown(oneMarkdown));
const [oneExportMs] = await time(() => lib.exportDocx(one, lib.analyze(one, settings).model));
const [projectMs] = await time(() => lib.projectMarkdown(markdown));
const [analyzeMs, model] = await time(() => lib.analyze(text, settings).model);
const [exportMs, bytes] = await time(() => lib.exportDocx(text, model));
const [readMs, read] = await time(() => lib.readDocx(bytes));
console.log(`one report (${(Buffer.byteLength(one) / 1e3).toFixed(0)} KB): Markdown projection ${oneProjectMs.toFixed(0)} ms, analysis + export ${oneExportMs.toFixed(0)} ms`);
console.log(`text: ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, ${text.split('\n').length} lines, ${model.headings.length} headings`);
console.log(`markdown projection (${(Buffer.byteLength(markdown) / 1e6).toFixed(2)} MB): ${projectMs.toFixed(0)} ms`);
console.log(`analysis: ${analyzeMs.toFixed(0)} ms; export to .docx: ${exportMs.toFixed(0)} ms (${(bytes.length / 1e6).toFixed(2)} MB); read back: ${readMs.toFixed(0)} ms (${read.ok ? read.text.length : 'failed'} chars)`);
