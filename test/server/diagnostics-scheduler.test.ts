/**
 * When diagnostics are published: a document's first version at once (nothing is being typed),
 * later versions once typing pauses. Fake timers stand in for the wait, so nothing here is timed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze, defaultSettings } from '../../server/src/engine';
import { debounceFor, DiagnosticsScheduler } from '../../server/src/lsp/diagnostics-scheduler';
import type { ServerContext } from '../../server/src/server';

const URI = 'file:///tmp/scheduler.gongwen';
const TEXT = '示例镇2024年工作总结\n一、回顾\n完成投资xx亿元。\n三、打算\n';

/** A context with one open document whose version the test moves, recording what is published. */
function contextWith(doc: { version: number; text: string }) {
  const published: Array<{ version?: number; count: number }> = [];
  const ctx = {
    documents: { get: (uri: string) => (uri === URI ? { uri, version: doc.version, getText: () => doc.text } : undefined), all: () => [] },
    analysisWhenReady: async () => analyze(doc.text, defaultSettings()),
    language: () => 'en',
    warnSettings: () => undefined,
    connection: {
      sendDiagnostics: async (p: { version?: number; diagnostics: unknown[] }) => void published.push({ version: p.version, count: p.diagnostics.length }),
      console: { error: (message: string) => expect.fail(message) },
    },
  } as unknown as ServerContext;
  return { ctx, published };
}

/** Lets the timers due by now fire, and the publishing they start finish. */
async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('diagnostics are published at open at once, and after typing pauses', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('publishes the version a document opens with without waiting for a pause in typing', async () => {
    const doc = { version: 1, text: TEXT };
    const { ctx, published } = contextWith(doc);
    const scheduler = new DiagnosticsScheduler(ctx);
    scheduler.schedule(URI);
    await advance(0);
    // 序号不连续 (三、 after 一、) and the placeholder xx: found and sent before any debounce.
    expect(published).toEqual([{ version: 1, count: expect.any(Number) }]);
    expect(published[0].count).toBeGreaterThan(0);
  });

  it('waits for typing to pause before publishing a typed version, and publishes only the last one', async () => {
    const doc = { version: 1, text: TEXT };
    const { ctx, published } = contextWith(doc);
    const scheduler = new DiagnosticsScheduler(ctx);
    scheduler.schedule(URI);
    await advance(0);
    doc.version = 2;
    doc.text = TEXT.replace('三、', '二、');
    scheduler.schedule(URI);
    doc.version = 3;
    doc.text = TEXT.replace('三、', '二、') + '四、';
    scheduler.schedule(URI);
    await advance(debounceFor(doc.text.length) - 1);
    expect(published.map((p) => p.version)).toEqual([1]);
    await advance(1);
    expect(published.map((p) => p.version)).toEqual([1, 3]);
  });

  it('publishes a reopened document at once again', async () => {
    const doc = { version: 1, text: TEXT };
    const { ctx, published } = contextWith(doc);
    const scheduler = new DiagnosticsScheduler(ctx);
    scheduler.schedule(URI);
    await advance(0);
    scheduler.closed(URI);
    doc.version = 7;
    scheduler.schedule(URI);
    await advance(0);
    expect(published.map((p) => p.version)).toEqual([1, 7]);
  });
});
