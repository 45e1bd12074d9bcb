/**
 * How many cases a property test generates: `fallback` in `npm test` (fast, with a fixed seed), or
 * `GONGWEN_PROPERTY_RUNS` for a longer run (`GONGWEN_PROPERTY_RUNS=10000 npx vitest run test/engine/properties.test.ts`).
 */
export function propertyRuns(fallback: number): number {
  const fromEnv = Number(process.env.GONGWEN_PROPERTY_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

/** The seed of a property test: `fallback` in `npm test`, or `GONGWEN_PROPERTY_SEED` to explore other cases. */
export function propertySeed(fallback: number): number {
  const fromEnv = Number(process.env.GONGWEN_PROPERTY_SEED);
  return Number.isInteger(fromEnv) ? fromEnv : fallback;
}
