/**
 * The server gives memory back (issue 11): what a closed large document or the analyses of a
 * typing burst left behind does not stay in the server's heap. Over a real stdio connection to a
 * server started with `--expose-gc`, whose `gongwen/internal.memory` request reports the heap after
 * a full collection, or as the server's own collections left it (`{ collect: false }`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, REPO } from './lsp-client';

const EXAMPLE = readFileSync(resolve(REPO, 'examples/town-work-report.txt'), 'utf8');
const MB = 1024 * 1024;

/** A report of at least `units` UTF-16 units: copies of the bundled example, each with its own year. */
function reportOf(units: number, seed: number): string {
  const parts: string[] = [];
  for (let length = 0, i = 0; length < units; i++) {
    const copy = EXAMPLE.replace(/2024/g, String(seed + i));
    parts.push(copy);
    length += copy.length + 1;
  }
  return parts.join('\n');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the server gives memory back', () => {
  let client: LspClient;

  beforeAll(async () => {
    client = new LspClient(['--stdio'], ['--expose-gc']);
    await client.initialize();
  });
  afterAll(async () => {
    await client.shutdown();
  });

  const heapUsed = async (collect = true): Promise<number> => (await client.request('gongwen/internal.memory', { collect })).heapUsed;

  /** Opens `text`, waits for its diagnostics, closes it, and waits for the server's collection after a close. */
  async function openAndClose(uri: string, text: string): Promise<void> {
    client.open(uri, text);
    await client.waitForDiagnostics(uri, 1, 60000);
    client.close(uri);
    await sleep(1500);
  }

  it('keeps no copy of a closed large document: the heap after a collection is back where it was', async () => {
    // A first large document warms the code (compiled functions stay, rightly), then the baseline.
    await openAndClose('file:///tmp/memory-warm.gongwen', reportOf(400_000, 1000));
    const baseline = await heapUsed();
    const text = reportOf(3_000_000, 3000); // 6 MB as a string of two-byte characters
    await openAndClose('file:///tmp/memory-large.gongwen', text);
    const grown = (await heapUsed()) - baseline;
    // Neither the text nor its analysis, memo or findings (tens of MB) stay behind.
    expect(grown).toBeLessThan(2 * MB);
  }, 120000);

  it('collects once typing into a large document pauses, without waiting for the next edit', async () => {
    const uri = 'file:///tmp/memory-typing.gongwen';
    let text = reportOf(1_000_000, 5000);
    client.open(uri, text);
    await client.waitForDiagnostics(uri, 1, 60000);
    for (let version = 2; version <= 4; version++) {
      const at = Math.floor(text.length / 2) + version * 1000;
      text = text.slice(0, at) + '字' + text.slice(at);
      client.change(uri, version, text);
      await client.request('textDocument/documentSymbol', { textDocument: { uri } }, 60000);
      await client.waitForDiagnostics(uri, version, 60000);
    }
    // A pause in typing (the server waits 1.5 s of quiet); then the heap as the server left it.
    await sleep(4000);
    const asLeft = await heapUsed(false);
    const collected = await heapUsed(true);
    expect(asLeft - collected).toBeLessThan(3 * MB);
    client.close(uri);
  }, 120000);
});
