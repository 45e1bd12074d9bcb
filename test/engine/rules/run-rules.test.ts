import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../server/src/engine/pipeline';
import { runRules, mergeByStart } from '../../../server/src/engine/rules';
import type { Finding, Rule } from '../../../server/src/engine/rules/rule';
import { defaultSettings } from '../../../server/src/engine/settings';

/** A rule that reports fixed offsets, in the order given. */
function ruleAt(id: string, starts: number[]): Rule {
  return {
    id,
    defaultSeverity: 'hint',
    title: { zh: id, en: id },
    check: (): Finding[] => starts.map((start) => ({ ruleId: id, start, end: start + 1, message: { zh: id, en: id } })),
  };
}

describe('runRules: the order findings are listed in', () => {
  it('lists every finding by offset, and findings at one offset in the order of the rules', () => {
    const model = buildReportModel('一、回顾\n全年完成投资,同比增长5%。\n');
    const { findings } = runRules(model, defaultSettings(), [ruleAt('first', [9, 2, 5]), ruleAt('second', [2, 7]), ruleAt('third', [0, 2])]);
    expect(findings.map((f) => `${f.ruleId}@${f.start}`)).toEqual(['third@0', 'first@2', 'second@2', 'third@2', 'first@5', 'second@7', 'first@9']);
    expect(findings.every((f) => f.severity === 'hint')).toBe(true);
  });

  it('reports a rule that throws as a failure and lists the others', () => {
    const broken: Rule = { ...ruleAt('broken', []), check: () => { throw new Error('boom'); } };
    const { findings, failures } = runRules(buildReportModel('正文。'), defaultSettings(), [ruleAt('a', [1]), broken, ruleAt('b', [0])]);
    expect(findings.map((f) => f.ruleId)).toEqual(['b', 'a']);
    expect(failures).toEqual(['broken: boom']);
  });

  it('merges ordered lists as a stable sort of them one after another would', () => {
    const lists = [[0, 3, 3, 8], [], [3, 4], [1, 3, 9]].map((starts, list) => starts.map((start, k) => ({ start, tag: `${list}.${k}` })));
    const sorted = lists.flat().sort((a, b) => a.start - b.start);
    expect(mergeByStart(lists).map((x) => x.tag)).toEqual(sorted.map((x) => x.tag));
    expect(mergeByStart([])).toEqual([]);
  });
});
