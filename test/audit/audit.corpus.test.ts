import { describe, expect, it } from 'vitest';
import { hasCorpus } from '../helpers/corpus';
import { runAudit } from './audit';

// Issue 8's targets, on every finding the engine makes on the corpus: each carries a reader's label,
// each rule is at least 95% right, the national reports raise nothing at info or above, and no rule
// speaks more than once per 200 characters of a finished report. `npm run audit` prints the table.
describe.skipIf(!hasCorpus)('findings audit on ../shared/corpus', () => {
  const result = runAudit();
  it('meets every target', () => {
    expect(result.failures).toEqual([]);
  });
  it('labels only findings the engine still makes', () => {
    expect(result.rules.flatMap((r) => r.stale.map((k) => `${r.rule} ${k}`))).toEqual([]);
  });
});
