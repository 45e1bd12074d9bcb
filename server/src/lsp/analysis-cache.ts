/**
 * One analysis per open document version, shared by every request and by diagnostics.
 */
import { analyze, type Analysis, type GongwenSettings } from '../engine';

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
    const hit = this.entries.get(uri);
    if (hit && hit.version === version && hit.settingsGeneration === this.settingsGeneration) return hit.analysis;
    const analysis = analyze(getText(), this.settings);
    this.entries.set(uri, { version, settingsGeneration: this.settingsGeneration, analysis });
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
