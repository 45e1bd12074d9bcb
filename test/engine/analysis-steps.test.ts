import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeInSteps, defaultSettings } from '../../server/src/engine';

const EXAMPLE = readFileSync(resolve(__dirname, '../../examples/town-work-report.txt'), 'utf8');

describe('analysis in steps (the server pauses between them)', () => {
  it('gives the same model and findings as analysing at once, over several steps', () => {
    const text = EXAMPLE + '\n四、xx年打算\n完成投资亿元,增长%。\n';
    const steps = analyzeInSteps(text, defaultSettings());
    let modelSteps = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) modelSteps++;
    const analysis = step.value;
    const rules = analysis.rateInSteps();
    let ruleSteps = 0;
    while (!rules.next().done) ruleSteps++;
    expect(modelSteps).toBeGreaterThanOrEqual(3);
    expect(ruleSteps).toBeGreaterThanOrEqual(5);
    const whole = analyze(text, defaultSettings());
    expect(analysis.model.headings.map((h) => h.label)).toEqual(whole.model.headings.map((h) => h.label));
    expect(analysis.findings.length).toBeGreaterThan(3);
    expect(analysis.findings).toEqual(whole.findings);
  });
});
