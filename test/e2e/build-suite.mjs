// Bundles the real-editor suite (test/e2e/suite/index.ts) into test/e2e/out/index.js, a CommonJS
// module for the extension host with `vscode` left external. Used by both drivers.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const suiteBundle = path.join(here, 'out', 'index.js');

export async function buildSuite() {
  await build({
    entryPoints: [path.join(here, 'suite', 'index.ts')],
    outfile: suiteBundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return suiteBundle;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildSuite();
  console.log(suiteBundle);
}
