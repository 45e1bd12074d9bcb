/**
 * One analysis per open document version, shared by every request and by diagnostics.
 */
import { analyze, type Analysis, type GongwenSettings } from '../engine';

interface Entry {
  version: number;
  /** The text analysed: a second `didOpen` may bring new text under the same version. */
  text: string;
  settingsGeneration: number;
  analysis: Analysis;
}

/**
 * Caches the analysis of the latest version of each open document.
 *
 * @example cache.get(uri, doc.version, () => doc.getText()) // parses once per version and text
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private settingsGeneration = 0;

  constructor(private settings: GongwenSettings) {}

  get currentSettings(): GongwenSettings {
    return this.settings;
  }

  /** New settings invalidate every cached analysis. */
  setSettings(settings: GongwenSettings): void {
    this.settings = settings;
    this.settingsGeneration++;
  }

  get(uri: string, version: number, getText: () => string): Analysis {
    const text = getText();
    const hit = this.entries.get(uri);
    // `===` on the document's own string is a pointer comparison; equal copies compare in linear time.
    if (hit && hit.version === version && hit.text === text && hit.settingsGeneration === this.settingsGeneration) return hit.analysis;
    this.entries.delete(uri); // let the old analysis go before building the new one
    const analysis = analyze(text, this.settings);
    this.entries.set(uri, { version, text, settingsGeneration: this.settingsGeneration, analysis });
    return analysis;
  }

  /** Whether `get` would answer from the cache, without analysing. */
  has(uri: string, version: number, text: string): boolean {
    const hit = this.entries.get(uri);
    return !!hit && hit.version === version && hit.text === text && hit.settingsGeneration === this.settingsGeneration;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
