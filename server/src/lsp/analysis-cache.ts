/**
 * One analysis per open document version, shared by every request and by diagnostics.
 */
import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentAnalysisText } from './document-text';
import { analyze, analyzeInSteps, memoOf, NO_SUPPRESSIONS, withSuppressions, type Analysis, type GongwenSettings, type Memo, type Suppressions } from '../engine';

/**
 * The settings and suppressions of one document: the editor's settings with its `.gongwen.json`
 * (overrides, ignore entries, words) applied.
 */
export type DocumentSettingsResolver = (uri: string, editorSettings: GongwenSettings) => { settings: GongwenSettings; suppressions: Suppressions };

interface Entry {
  version: number;
  /** The text analysed: a second `didOpen` may bring new text under the same version. */
  text: string;
  settingsGeneration: number;
  analysis: Analysis;
}

interface Pending {
  version: number;
  text: string;
  settingsGeneration: number;
  promise: Promise<Analysis | undefined>;
}

/**
 * Bytes of replies still being written to the client (see {@link setPendingOutput}). While a reply is
 * being written, analysis waits: a 2.5 MB outline of a 10 MB compilation goes out in pieces, one per
 * turn of the event loop, and with a rule run between every two pieces it took 270 ms instead of 2.
 */
let pendingOutput: () => number = () => 0;

/**
 * Tells the analyses how much output is still being written (the connection's stream's
 * `writableLength`), so they give way to replies; see {@link pendingOutput}.
 *
 * @example setPendingOutput(() => process.stdout.writableLength) // a server on --stdio
 */
export function setPendingOutput(pending: () => number): void {
  pendingOutput = pending;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Lets the event loop run: messages are read (a cancellation, a newer version), other requests answered and replies written. */
async function pause(): Promise<void> {
  await turn();
  // Bounded, so a client that stops reading cannot stop analysis for good.
  for (let waited = 0; pendingOutput() > 0 && waited < 200; waited++) await wait(1);
}

/**
 * Caches the analysis of the latest version of each open document.
 *
 * @example cache.get(uri, doc.version, () => doc.getText()) // parses once per version and text
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Pending>();
  /** The memo of each document's last analysis (see `engine/incremental.ts`), kept when the analysis is let go. */
  private readonly memos = new Map<string, Memo>();
  private settingsGeneration = 0;
  private resolve: DocumentSettingsResolver = (_uri, settings) => ({ settings, suppressions: NO_SUPPRESSIONS });

  constructor(private settings: GongwenSettings) {}

  /** How each document's own settings are found (its `.gongwen.json`). */
  setResolver(resolve: DocumentSettingsResolver): void {
    this.resolve = resolve;
    this.invalidate();
  }

  /** A config file changed: every cached analysis is stale. */
  invalidate(): void {
    this.settingsGeneration++;
  }

  get currentSettings(): GongwenSettings {
    return this.settings;
  }

  /** New settings invalidate every cached analysis. */
  setSettings(settings: GongwenSettings): void {
    this.settings = settings;
    this.settingsGeneration++;
  }

  /** The analysis of this version and text, built now if it is not cached. */
  get(uri: string, version: number, getText: () => string): Analysis {
    const text = getText();
    const hit = this.cached(uri, version, text);
    if (hit) return hit;
    const previous = this.memoOf(uri);
    this.entries.delete(uri); // let the old analysis go before building the new one (its memo stays)
    const { settings, suppressions } = this.settingsOf(uri);
    const analysis = withSuppressions(analyze(text, settings, previous), suppressions);
    this.store(uri, { version, text, settingsGeneration: this.settingsGeneration, analysis });
    return analysis;
  }

  /**
   * The analysis of this version and text, built one stage at a time with a pause between stages.
   * Requests for the same version share one build. It resolves to `undefined` when the document
   * is closed, new settings arrive, or `isCurrent` says a newer version came, before it is done.
   * `withFindings` runs the rules too, one at a time.
   *
   * @example await cache.getInSteps(uri, doc.version, doc.getText()) // other requests are answered meanwhile
   */
  getInSteps(uri: string, version: number, text: string, withFindings = false, isCurrent: () => boolean = () => true): Promise<Analysis | undefined> {
    if (withFindings) return this.getInSteps(uri, version, text, false, isCurrent).then((analysis) => analysis && this.rateInSteps(uri, analysis, isCurrent));
    const hit = this.cached(uri, version, text);
    if (hit) return Promise.resolve(hit);
    const running = this.pending.get(uri);
    if (running && running.version === version && running.text === text && running.settingsGeneration === this.settingsGeneration) return running.promise;
    const settingsGeneration = this.settingsGeneration;
    const entry: Pending = { version, text, settingsGeneration, promise: Promise.resolve(undefined) };
    this.pending.set(uri, entry);
    // The last analysis answers no request for this version: only its memo is needed, and holding
    // both analyses of a 10 MB compilation while the new one is built doubles the server's memory.
    const memo = this.memoOf(uri);
    this.entries.delete(uri);
    entry.promise = (async () => {
      try {
        const { settings, suppressions } = this.settingsOf(uri);
        // What the lines an edit did not touch gave in the last analysis is reused (`engine/incremental.ts`).
        const steps = analyzeInSteps(text, settings, memo);
        for (;;) {
          await pause();
          if (this.pending.get(uri) !== entry || this.settingsGeneration !== settingsGeneration || !isCurrent()) return undefined;
          // A plain `get` may have analysed this version meanwhile.
          const done = this.cached(uri, version, text);
          if (done) return done;
          const step = steps.next();
          if (step.done) {
            const analysis = withSuppressions(step.value, suppressions);
            this.store(uri, { version, text, settingsGeneration, analysis });
            return analysis;
          }
        }
      } finally {
        if (this.pending.get(uri) === entry) this.pending.delete(uri);
      }
    })();
    return entry.promise;
  }

  /** Runs the rules of `analysis` one at a time with pauses; `undefined` if the document moved on meanwhile. */
  private async rateInSteps(uri: string, analysis: Analysis, isCurrent: () => boolean): Promise<Analysis | undefined> {
    const steps = analysis.rateInSteps();
    while (!steps.next().done) {
      await pause();
      if (this.entries.get(uri)?.analysis !== analysis || !isCurrent()) return undefined;
    }
    return analysis;
  }

  /** The document's settings (the editor's with its `.gongwen.json`) and what its config silences. */
  private settingsOf(uri: string): { settings: GongwenSettings; suppressions: Suppressions } {
    return this.resolve(uri, this.settings);
  }

  /** The memo of the document's last analysis, for the next version's (`undefined` after a close). */
  private memoOf(uri: string): Memo | undefined {
    return this.memos.get(uri);
  }

  /** Caches an analysis, and its memo for the document's next version. */
  private store(uri: string, entry: Entry): void {
    this.entries.set(uri, entry);
    const memo = memoOf(entry.analysis.model);
    if (memo) this.memos.set(uri, memo);
  }

  /** Whether `get` would answer from the cache, without analysing. */
  has(uri: string, version: number, text: string): boolean {
    return this.cached(uri, version, text) !== undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.pending.delete(uri);
    this.memos.delete(uri);
  }

  private cached(uri: string, version: number, text: string): Analysis | undefined {
    const hit = this.entries.get(uri);
    // `===` on the document's own string is a pointer comparison; equal copies compare in linear time.
    return hit && hit.version === version && hit.text === text && hit.settingsGeneration === this.settingsGeneration ? hit.analysis : undefined;
  }
}

/**
 * The analysis of an open document's current version, built in stages (see
 * {@link AnalysisCache.getInSteps}); `undefined` when the document is closed or `token` is cancelled
 * first. A newer version arriving mid-build abandons the build, and a request still wanted waits
 * for the newer version instead (a few times at most). `withFindings` runs the rules too.
 *
 * @example const analysis = await analysisWhenReady(documents, cache, uri, token); // undefined once cancelled
 */
export async function analysisWhenReady(
  documents: TextDocuments<TextDocument>,
  cache: AnalysisCache,
  uri: string,
  token?: CancellationToken,
  withFindings = false,
): Promise<Analysis | undefined> {
  let stop: { dispose(): void } | undefined;
  const cancelled = token && new Promise<undefined>((resolve) => (stop = token.onCancellationRequested(() => resolve(undefined))));
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      const doc = documents.get(uri);
      if (!doc || token?.isCancellationRequested) return undefined;
      const version = doc.version;
      const building = cache.getInSteps(uri, version, documentAnalysisText(doc), withFindings, () => documents.get(uri) === doc && doc.version === version);
      const analysis = await (cancelled ? Promise.race([building, cancelled]) : building);
      if (analysis || token?.isCancellationRequested || withFindings) return analysis;
    }
    return undefined;
  } finally {
    stop?.dispose();
  }
}
