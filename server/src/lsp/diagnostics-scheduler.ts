/**
 * Publishes diagnostics after typing pauses. A newer edit supersedes older work: each change
 * restarts the document's timer, and nothing is published for a version that is no longer current.
 */
import type { ServerContext } from '../server';
import { toDiagnostic } from './convert';
import { collectWhenIdle } from './memory';

/** Most diagnostics published for one document; past this the editor gains nothing. */
const MAX_DIAGNOSTICS = 2000;

/**
 * The wait after the last edit: short, since an analysis runs in stages and a newer version stops
 * it at the next pause (a keystroke waits at most one stage, not a whole analysis); it grows a little
 * with the document, so a burst of typing into a 10 MB compilation starts fewer analyses to abandon.
 *
 * @example debounceFor(3_500_000) // 44 (ms): a 10 MB compilation of 政府工作报告
 */
export function debounceFor(length: number): number {
  return Math.min(100, 30 + Math.floor(length / 250000));
}

/**
 * Publishes each document's diagnostics (at most 2000) once typing pauses ({@link debounceFor}),
 * and only if the document is still at the version that was scheduled.
 *
 * @example fixing `四、` to `三、` before the pause ends cancels publishing "序号不连续：应为“三、”，实为“四、”"
 */
export class DiagnosticsScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents whose diagnostics were scheduled since they opened: their next versions come from typing. */
  private readonly scheduled = new Set<string>();

  constructor(private readonly ctx: ServerContext) {}

  /**
   * Publishes `uri`'s diagnostics once typing pauses; the version a document opens with is checked
   * at once (after this turn of the event loop, so requests that came with it are read first):
   * there is no typing to wait for.
   */
  schedule(uri: string): void {
    this.cancel(uri);
    const doc = this.ctx.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const opening = !this.scheduled.has(uri);
    this.scheduled.add(uri);
    this.timers.set(
      uri,
      setTimeout(
        () => {
          this.timers.delete(uri);
          void this.publish(uri, version);
        },
        opening ? 0 : debounceFor(doc.getText().length),
      ),
    );
  }

  scheduleAll(): void {
    for (const doc of this.ctx.documents.all()) this.schedule(doc.uri);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** The document closed: when it opens again, its first version is checked at once. */
  closed(uri: string): void {
    this.cancel(uri);
    this.scheduled.delete(uri);
  }

  private async publish(uri: string, version: number): Promise<void> {
    const doc = this.ctx.documents.get(uri);
    if (!doc || doc.version !== version) return;
    try {
      // Built in stages, so requests about other documents are answered while a large one is analysed.
      const analysis = await this.ctx.analysisWhenReady(uri, undefined, true);
      if (!analysis || this.ctx.documents.get(uri)?.version !== version) return;
      const language = this.ctx.language();
      const diagnostics = analysis.findings.slice(0, MAX_DIAGNOSTICS).map((f) => toDiagnostic(analysis.model, f, language));
      for (const failure of analysis.failures) this.ctx.connection.console.error(`gongwen: rule failed on ${uri}: ${failure}`);
      this.ctx.warnSettings(analysis.settingsProblems);
      void this.ctx.connection.sendDiagnostics({ uri, version, diagnostics });
      // The version is analysed and its findings are out: what the analyses left can go once typing pauses.
      collectWhenIdle(doc.getText().length);
    } catch (error) {
      this.ctx.connection.console.error(`gongwen: could not check ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
}
