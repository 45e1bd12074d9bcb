import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../server/src/engine/rules';

const REPO = resolve(__dirname, '..');
const read = (file: string) => readFileSync(resolve(REPO, file), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nlsEn = JSON.parse(read('package.nls.json'));
const nlsZh = JSON.parse(read('package.nls.zh-cn.json'));
const schema = JSON.parse(read('schemas/gongwen.schema.json'));
const readme = read('README.md');

describe('the manifest, schema and README follow the rule registry (npm run sync-manifest)', () => {
  for (const rule of RULES) {
    it(`${rule.id}: setting, schema entry, README section`, () => {
      const setting = pkg.contributes.configuration.properties[`gongwen.rules.${rule.id}`];
      expect(setting, `package.json has no gongwen.rules.${rule.id}: run npm run sync-manifest`).toBeDefined();
      // `default` keeps the rule's own severities; the editor sends it for rules the user left alone.
      expect(setting.default).toBe('default');
      expect(setting.enum).toEqual(['default', 'off', 'hint', 'info', 'warning', 'error']);
      expect(schema.properties.rules.properties[rule.id].default).toBe('default');
      expect(nlsEn[`gongwen.rules.${rule.id}`]).toContain(`\`default\` is ${rule.defaultSeverity}`);
      expect(nlsEn[`gongwen.rules.${rule.id}`]).toContain(rule.title.en);
      expect(nlsZh[`gongwen.rules.${rule.id}`]).toContain(rule.title.zh);
      // The diagnostic code links to README.md#<id>.
      expect(readme).toMatch(new RegExp(`^### \`${rule.id}\`$`, 'm'));
    });
  }

  it('has no setting or schema entry for a rule that does not exist', () => {
    const ids = RULES.map((r) => r.id);
    const settingIds = Object.keys(pkg.contributes.configuration.properties).filter((k) => k.startsWith('gongwen.rules.')).map((k) => k.slice('gongwen.rules.'.length));
    expect(settingIds.sort()).toEqual([...ids].sort());
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual([...ids].sort());
  });

  it('localizes every %key% of package.json in English and Chinese', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/%([\w.-]+)%/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) {
      expect(nlsEn[key], `package.nls.json lacks ${key}`).toBeTruthy();
      expect(nlsZh[key], `package.nls.zh-cn.json lacks ${key}`).toBeTruthy();
    }
  });

  it('registers the schema for .gongwen.json', () => {
    expect(pkg.contributes.jsonValidation).toEqual([{ fileMatch: '.gongwen.json', url: './schemas/gongwen.schema.json' }]);
  });
});

describe('editor defaults for the gongwen language (configurationDefaults)', () => {
  const defaults = pkg.contributes.configurationDefaults?.['[gongwen]'] ?? {};

  it('does not box full-width punctuation （，。：“”） as "ambiguous" Unicode, nor the full-width space used to indent paragraphs', () => {
    expect(defaults['editor.unicodeHighlight.ambiguousCharacters']).toBe(false);
    expect(defaults['editor.unicodeHighlight.allowedCharacters']).toEqual({ '\u3000': true });
    // Zero-width characters pasted from web pages stay highlighted (not turned off).
    expect(defaults['editor.unicodeHighlight.invisibleCharacters']).toBeUndefined();
  });

  it('wraps long paragraphs and does not pad completion with words of the document', () => {
    expect(defaults['editor.wordWrap']).toBe('on');
    expect(defaults['editor.wordBasedSuggestions']).toBe('off');
  });

  it('guesses the encoding of .gongwen files saved as GBK, as the CLI reads them', () => {
    expect(defaults['files.autoGuessEncoding']).toBe(true);
  });

  it('sets only settings VS Code lets a language override (every key is an editor.* or files.* setting)', () => {
    for (const key of Object.keys(defaults)) expect(key).toMatch(/^(editor|files)\./);
  });
});

describe('Node versions (npm ci warns EBADENGINE when a locked package refuses the running Node)', () => {
  // semver comes with @vscode/vsce (a devDependency).
  const semver = require('semver') as { satisfies(v: string, range: string): boolean };
  const lock = JSON.parse(read('package-lock.json'));
  // The oldest Node the README asks developers for: vitest and vite need 20.19.
  const DEV_NODE_FLOOR = '20.19.0';

  it('the README names the Node version development needs', () => {
    expect(readme).toContain(`Node ${DEV_NODE_FLOOR.replace(/\.0$/, '')}`);
  });

  it(`every locked package accepts Node ${DEV_NODE_FLOOR}, and the running Node`, () => {
    const refusing = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>)
      .filter(([path, p]) => path && typeof p.engines?.node === 'string')
      .filter(([, p]) => !semver.satisfies(DEV_NODE_FLOOR, p.engines!.node!) || !semver.satisfies(process.version, p.engines!.node!))
      .map(([path, p]) => `${path} wants node ${p.engines!.node}`);
    expect(refusing).toEqual([]);
  });
});
