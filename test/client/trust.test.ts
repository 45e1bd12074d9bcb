import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESTRICTED_PLACEHOLDER_KEYS, userValuesOnly } from '../../client/src/trust';

const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8'));

describe('Workspace Trust (issue 9)', () => {
  it('declares limited support and restricts the costly settings in the manifest', () => {
    const trust = pkg.capabilities.untrustedWorkspaces;
    expect(trust.supported).toBe('limited');
    expect(trust.description).toMatch(/受限模式/);
    expect(trust.restrictedConfigurations).toEqual(RESTRICTED_PLACEHOLDER_KEYS.map((k) => `gongwen.placeholders.${k}`));
    for (const key of trust.restrictedConfigurations) expect(pkg.contributes.configuration.properties[key]).toBeDefined();
  });

  it('hands the server only user values of the restricted settings in an untrusted workspace', () => {
    const fromWorkspace = { kind: 'plan', placeholders: { extraPatterns: ['[^\\n]{1,50}一Q'], ignoreWords: Array(100).fill('的') } };
    const user: Record<string, unknown> = { ignoreWords: ['X建'] };
    expect(userValuesOnly(fromWorkspace, (key) => user[key])).toEqual({ kind: 'plan', placeholders: { ignoreWords: ['X建'] } });
    expect(userValuesOnly('not an object', () => undefined)).toBe('not an object');
  });
});
