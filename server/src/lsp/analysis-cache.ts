/**
 * One analysis per open document version, shared by every request and by diagnostics.
 */
import { analyze, NO_SUPPRESSIONS, withSuppressions, type Analysis, type GongwenSettings, type Suppressions } from '../engine';

/**
 * The settings and suppressions of one document: the editor's settings with its `.gongwen.json`
 * (overrides, ignore entries, words) applied.
 */
export type DocumentSettingsResolver = (uri: string, editorSettings: GongwenSettings) => { settings: GongwenSettings; suppressions: Suppressions };

interface Entry {
  version: number;
  settingsGeneration: number;
  analysis: Analysis;
}

/**
 * Caches the analysis of the latest version of each open document.
 *
 * @example cache.get(uri, doc.version, () => doc.getText()) // parses once per version
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
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

  get(uri: string, version: number, getText: () => string): Analysis {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version && hit.settingsGeneration === this.settingsGeneration) return hit.analysis;
    const { settings, suppressions } = this.settingsOf(uri);
    const analysis = withSuppressions(analyze(getText(), settings), suppressions);
    this.entries.set(uri, { version, settingsGeneration: this.settingsGeneration, analysis });
    return analysis;
  }

  /** The document's settings (the editor's with its `.gongwen.json`) and what its config silences. */
  private settingsOf(uri: string): { settings: GongwenSettings; suppressions: Suppressions } {
    return this.resolve(uri, this.settings);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
