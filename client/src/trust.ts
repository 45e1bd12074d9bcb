/**
 * Workspace Trust: the settings that cost CPU and memory (`gongwen.placeholders.extraPatterns`,
 * `gongwen.placeholders.ignoreWords`) are declared `restrictedConfigurations` in the manifest, so VS
 * Code drops their workspace values (a cloned repository's `.vscode/settings.json`) in Restricted
 * Mode. The client applies the same rule to the section it hands the server, so the server never
 * sees a workspace value of those settings before the user trusts the workspace.
 */

/** The restricted keys inside `gongwen.placeholders`. */
export const RESTRICTED_PLACEHOLDER_KEYS = ['extraPatterns', 'ignoreWords'] as const;

/**
 * The `gongwen` section with each restricted placeholder setting replaced by its user (global)
 * value, or removed when the user set none.
 *
 * @example
 * userValuesOnly({ placeholders: { extraPatterns: ['[^\\n]{1,50}一Q'], ignoreWords: ['X建'] } }, (key) => (key === 'ignoreWords' ? ['X建'] : undefined))
 * // { placeholders: { ignoreWords: ['X建'] } }
 */
export function userValuesOnly(section: unknown, userValue: (key: (typeof RESTRICTED_PLACEHOLDER_KEYS)[number]) => unknown): unknown {
  if (typeof section !== 'object' || section === null || Array.isArray(section)) return section;
  const placeholders = (section as { placeholders?: unknown }).placeholders;
  if (typeof placeholders !== 'object' || placeholders === null || Array.isArray(placeholders)) return section;
  const kept: Record<string, unknown> = { ...(placeholders as Record<string, unknown>) };
  for (const key of RESTRICTED_PLACEHOLDER_KEYS) {
    const value = userValue(key);
    if (value === undefined) delete kept[key];
    else kept[key] = value;
  }
  return { ...section, placeholders: kept };
}
