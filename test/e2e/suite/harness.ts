// A minimal test runner for the VS Code extension host (no mocha). Test files register cases with
// `suite(file)`; index.ts runs them in order and reports.
//
// Statuses: passed, failed, skipped. A case is skipped when
//  - it is registered with `pending(name, reason, fn)` (a feature the server does not have yet;
//    set GONGWEN_E2E_RUN_PENDING=1 to run pending cases anyway), or
//  - it calls `skip(reason)` (for example when ../shared/corpus is absent).

export type Status = 'passed' | 'failed' | 'skipped';

export interface TestCase {
  file: string;
  name: string;
  fn: () => Promise<void>;
  pending?: string;
  timeoutMs: number;
}

export interface TestResult {
  file: string;
  name: string;
  status: Status;
  durationMs: number;
  error?: string;
  reason?: string;
}

const registry: TestCase[] = [];

export class SkipError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SkipError';
  }
}

/** Ends the current test as skipped. */
export function skip(reason: string): never {
  throw new SkipError(reason);
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export function suite(file: string) {
  return {
    test(name: string, fn: () => Promise<void>, timeoutMs = DEFAULT_TIMEOUT_MS): void {
      registry.push({ file, name, fn, timeoutMs });
    },
    /** A test written against the contract of a feature that does not exist yet. */
    pending(name: string, reason: string, fn: () => Promise<void>, timeoutMs = DEFAULT_TIMEOUT_MS): void {
      registry.push({ file, name, fn, pending: reason, timeoutMs });
    },
  };
}

export function registeredTests(): readonly TestCase[] {
  return registry;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

export async function runAll(
  tests: readonly TestCase[],
  opts: { runPending: boolean; filter?: RegExp; log: (line: string) => void },
): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const tc of tests) {
    const full = `${tc.file} › ${tc.name}`;
    if (opts.filter && !opts.filter.test(full)) continue;
    const start = Date.now();
    if (tc.pending && !opts.runPending) {
      results.push({ file: tc.file, name: tc.name, status: 'skipped', durationMs: 0, reason: `pending: ${tc.pending}` });
      opts.log(`  - ${full} (pending: ${tc.pending})`);
      continue;
    }
    try {
      await withTimeout(tc.fn(), tc.timeoutMs, full);
      results.push({ file: tc.file, name: tc.name, status: 'passed', durationMs: Date.now() - start });
      opts.log(`  ✓ ${full} (${Date.now() - start} ms)`);
    } catch (e) {
      const durationMs = Date.now() - start;
      if (e instanceof SkipError) {
        results.push({ file: tc.file, name: tc.name, status: 'skipped', durationMs, reason: e.message });
        opts.log(`  - ${full} (skipped: ${e.message})`);
      } else {
        const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
        results.push({ file: tc.file, name: tc.name, status: 'failed', durationMs, error });
        opts.log(`  ✗ ${full}\n${error.replace(/^/gm, '      ')}`);
      }
    }
  }
  return results;
}
