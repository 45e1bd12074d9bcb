// Writes the rule settings into package.json (`contributes.configuration`) and the JSON schema of
// `.gongwen.json` (schemas/gongwen.schema.json) from the rule registry, so neither can drift from
// the code. `npm run sync-manifest`; test/manifest.test.ts fails when they are out of date.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-manifest-'));
await build({ entryPoints: [resolve('server/src/engine/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'engine.mjs'), logLevel: 'error', loader: { '.code-snippets': 'json' } });
const { RULES, REPORT_KINDS } = await import(pathToFileURL(join(dir, 'engine.mjs')).href);
rmSync(dir, { recursive: true, force: true });

const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];
/** Localized setting descriptions, merged into package.nls.json and package.nls.zh-cn.json. */
const nls = {
  en: {
    'gongwen.kind': 'The report kind; `auto` infers it from the title or content.',
    'gongwen.placeholders.extraPatterns': 'Extra placeholder patterns, in a safe regular-expression subset (literals, `.`, `[...]`, `\\d`, groups, `|`, `? * + {m,n}`; no backreferences or lookarounds).',
    'gongwen.placeholders.ignoreWords': 'Words that are never placeholders, e.g. `X建`.',
    'gongwen.autoDetect': 'Switch plain `.txt` files whose first lines look like a work report to the Gongwen language.',
  },
  zh: {
    'gongwen.kind': '文种；`auto` 表示根据标题或内容推断。',
    'gongwen.placeholders.extraPatterns': '额外的占位符模式，使用安全的正则子集（字面量、`.`、`[...]`、`\\d`、分组、`|`、`? * + {m,n}`；不支持反向引用和环视）。',
    'gongwen.placeholders.ignoreWords': '永不视为占位符的词，如 `X建`。',
    'gongwen.autoDetect': '开头看起来像工作报告的 `.txt` 文件自动切换为公文语言。',
  },
};
const kinds = ['auto', ...REPORT_KINDS];

/** Settings shared by the editor (prefixed `gongwen.`) and `.gongwen.json` (unprefixed). */
function settingProperties(prefix) {
  const props = {};
  for (const rule of RULES) {
    props[`${prefix}rules.${rule.id}`] = {
      type: 'string',
      // `default` keeps the rule's own severities: a finding may be quieter (a guess) or louder (a
      // hidden-text notice) than its rule, which a fixed value would flatten.
      enum: ['default', ...SEVERITIES],
      default: 'default',
      markdownDescription: prefix ? `%gongwen.rules.${rule.id}%` : `${rule.title.en} (default: ${rule.defaultSeverity}). ${rule.title.zh}（默认 ${rule.defaultSeverity}）。`,
    };
    nls.en[`gongwen.rules.${rule.id}`] = `${rule.title.en}. \`default\` is ${rule.defaultSeverity}. [Rule \`${rule.id}\`](https://github.com/gongwen/gongwen#${rule.id})`;
    nls.zh[`gongwen.rules.${rule.id}`] = `${rule.title.zh}。\`default\` 即 ${rule.defaultSeverity}。[规则 \`${rule.id}\`](https://github.com/gongwen/gongwen#${rule.id})`;
  }
  const describe = (key) => (prefix ? `%gongwen.${key}%` : `${nls.en[`gongwen.${key}`]} ${nls.zh[`gongwen.${key}`]}`);
  props[`${prefix}kind`] = { type: 'string', enum: kinds, default: 'auto', markdownDescription: describe('kind') };
  props[`${prefix}placeholders.extraPatterns`] = {
    type: 'array',
    items: { type: 'string', maxLength: 200 },
    maxItems: 100,
    default: [],
    markdownDescription: describe('placeholders.extraPatterns'),
  };
  props[`${prefix}placeholders.ignoreWords`] = { type: 'array', items: { type: 'string' }, maxItems: 100, default: [], markdownDescription: describe('placeholders.ignoreWords') };
  return props;
}

const pkgPath = resolve('package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
const editorProps = settingProperties('gongwen.');
editorProps['gongwen.autoDetect'] = { type: 'boolean', default: true, markdownDescription: '%gongwen.autoDetect%' };
for (const [key, value] of Object.entries(editorProps)) if (key.startsWith('gongwen.rules.')) value.scope = 'resource';
pkg.contributes.configuration = { title: 'Gongwen', properties: editorProps };
pkg.contributes.jsonValidation = [{ fileMatch: '.gongwen.json', url: './schemas/gongwen.schema.json' }];
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');

// `.gongwen.json` nests the same keys: { "rules": { "placeholder": "off" }, "kind": "…", "placeholders": {…} }
const flat = settingProperties('');
const rules = {};
for (const rule of RULES) rules[rule.id] = flat[`rules.${rule.id}`];
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Gongwen settings (.gongwen.json)',
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: { type: 'object', additionalProperties: false, properties: rules },
    kind: flat.kind,
    placeholders: {
      type: 'object',
      additionalProperties: false,
      properties: { extraPatterns: flat['placeholders.extraPatterns'], ignoreWords: flat['placeholders.ignoreWords'] },
    },
    autoDetect: { type: 'boolean', default: true },
  },
};
for (const [file, entries] of [['package.nls.json', nls.en], ['package.nls.zh-cn.json', nls.zh]]) {
  const merged = { ...JSON.parse(readFileSync(file, 'utf8')), ...entries };
  const sorted = Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]]));
  writeFileSync(file, JSON.stringify(sorted, null, 2) + '\n');
}
mkdirSync('schemas', { recursive: true });
writeFileSync('schemas/gongwen.schema.json', JSON.stringify(schema, null, 2) + '\n');
console.log(`synced ${RULES.length} rules into package.json and schemas/gongwen.schema.json`);
