// Bundles TypeScript modules of the repository with esbuild and imports them, so a script runs the
// engine (or a test helper) from source, without `npm run build`. The bundle stays in
// node_modules/.cache/gongwen-scripts/<name>.mjs, where a CPU profile can name its functions' file.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the bundles go. */
export const BUNDLES = resolve('node_modules/.cache/gongwen-scripts');

/**
 * Bundles `modules` (paths from the repository root) as one module named `name`, and imports it.
 * `dirname` sets `__dirname` for modules that find files beside themselves (test/helpers/corpus.ts).
 *
 * @example const { analyze, defaultSettings } = await importTs('engine', ['server/src/engine/index.ts']);
 */
export async function importTs(name, modules, { dirname } = {}) {
  mkdirSync(BUNDLES, { recursive: true });
  const entry = join(BUNDLES, `${name}.entry.ts`);
  writeFileSync(entry, modules.map((m) => `export * from ${JSON.stringify(resolve(m))};`).join('\n') + '\n');
  const outfile = join(BUNDLES, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
    loader: { '.code-snippets': 'json' },
    ...(dirname ? { define: { __dirname: JSON.stringify(resolve(dirname)) } } : {}),
  });
  return import(pathToFileURL(outfile).href);
}
