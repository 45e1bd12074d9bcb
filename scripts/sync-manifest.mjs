// Writes the rule settings into package.json (`contributes.configuration`) and the JSON schema of
// `.gongwen.json` (schemas/gongwen.schema.json) from the rule registry, so neither can drift from
// the code. `npm run sync-manifest`; test/manifest.test.ts fails when they are out of date.
import { importTs } from './lib/import-ts.mjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const { RULES, REPORT_KINDS } = await importTs('engine', ['server/src/engine/index.ts']);

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
// Settings not generated here (`gongwen.markdown.enable`, `gongwen.export.fonts`) are kept as written.
const kept = Object.fromEntries(Object.entries(pkg.contributes.configuration?.properties ?? {}).filter(([key]) => !(key in editorProps)));
pkg.contributes.configuration = { title: 'Gongwen', properties: { ...editorProps, ...kept } };
pkg.contributes.jsonValidation = [{ fileMatch: '.gongwen.json', url: './schemas/gongwen.schema.json' }];
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');

// `.gongwen.json` nests the same keys: { "rules": { "placeholder": "off" }, "kind": "…", "placeholders": {…} }
const flat = settingProperties('');
const rules = {};
for (const rule of RULES) rules[rule.id] = flat[`rules.${rule.id}`];
/** A setting's schema for `.gongwen.json`: `%key%` descriptions (package.nls lookups) replaced by both languages' text. */
function withoutNlsKeys(value) {
  const en = JSON.parse(readFileSync('package.nls.json', 'utf8'));
  const zh = JSON.parse(readFileSync('package.nls.zh-cn.json', 'utf8'));
  return JSON.parse(JSON.stringify(value), (_key, v) => {
    const m = typeof v === 'string' ? /^%(.+)%$/.exec(v) : null;
    return m ? `${en[m[1]] ?? ''} ${zh[m[1]] ?? ''}`.trim() : v;
  });
}

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Gongwen settings (.gongwen.json)',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: { type: 'object', additionalProperties: false, properties: rules },
    kind: flat.kind,
    placeholders: {
      type: 'object',
      additionalProperties: false,
      properties: { extraPatterns: flat['placeholders.extraPatterns'], ignoreWords: flat['placeholders.ignoreWords'] },
    },
    autoDetect: { type: 'boolean', default: true },
    // Only in `.gongwen.json`: silencing, read by the CLI and the language server (engine/config-file.ts).
    overrides: {
      type: 'array',
      maxItems: 200,
      markdownDescription: 'Settings for some files only, by glob relative to this file (`drafts/**`, `*模板*.txt`); later entries win. 只对部分文件生效的设置，按相对于本文件的通配符匹配；后面的优先。',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: {
            oneOf: [
              { type: 'string', maxLength: 500 },
              { type: 'array', items: { type: 'string', maxLength: 500 }, minItems: 1, maxItems: 50 },
            ],
            markdownDescription: 'Globs: `*` `?` `[…]` `{a,b}`, `**` for any folders; without `/` a name at any depth. 通配符；不含 `/` 时匹配任意层级的文件名或目录名。',
          },
          rules: { type: 'object', additionalProperties: false, properties: rules },
          kind: flat.kind,
        },
      },
    },
    ignore: {
      type: 'array',
      maxItems: 20000,
      markdownDescription: 'Findings not to report, matched by their text and the text around them (not by line), so edits elsewhere keep them ignored. Written by the quick fix "Ignore this here". 不报告的具体问题，按问题文字及其上下文匹配（不按行号），文档其他地方的修改不影响。由快速修复“忽略此处”写入。',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'text'],
        properties: {
          file: { type: 'string', markdownDescription: 'The report, relative to this file; absent = every file. 报告路径（相对于本文件）；省略表示所有文件。' },
          rule: { type: 'string', enum: RULES.map((r) => r.id) },
          text: { type: 'string', maxLength: 2000, markdownDescription: 'The text of the finding (over 100 characters: the first 40, `…`, the last 40). 问题所在的文字（超过 100 字时为前 40 字、`…`、后 40 字）。' },
          context: { type: 'string', maxLength: 2000, markdownDescription: 'The text with a little of what surrounds it; the finding is ignored only where the document reads so. 含上下文的文字；只有文档中此处这样写时才忽略。' },
          section: { type: 'string', markdownDescription: 'For `section-missing`: which section. 用于 `section-missing`：哪一部分。' },
        },
      },
    },
    export: {
      type: 'object',
      additionalProperties: false,
      properties: { fonts: withoutNlsKeys(pkg.contributes.configuration.properties['gongwen.export.fonts']) },
      markdownDescription: 'For `gongwen export`: font names by role (`--font` wins). `gongwen export` 的字体（`--font` 优先）。',
    },
    words: {
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 100 },
      maxItems: 2000,
      uniqueItems: true,
      markdownDescription: 'Words never flagged by `placeholder`, `web-residue` and `halfwidth-punctuation`: a finding inside such a word is not reported (`X建`). 永不标记的词：落在这些词之内的 `placeholder`、`web-residue`、`halfwidth-punctuation` 问题不报告（如 `X建`）。',
    },
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
