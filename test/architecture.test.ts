/**
 * The rules of ARCHITECTURE.md, checked on the import graph of `server/src` and `client/src`:
 * no import cycles, and each layer imports only what its rule allows (the engine is pure, formats
 * are adapters, the CLI and the client are thin). Imports are read with TypeScript's own parser;
 * `import type` is erased at build time, so it counts for the layer rules but not for cycles.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');

interface Import {
  /** A repository-relative `.ts` path, or the package name for a bare specifier. */
  target: string;
  external: boolean;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Import[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    if (!specifier.startsWith('.')) return out.push({ target: specifier, external: true, typeOnly });
    const base = resolve(ROOT, dirname(file), specifier);
    const found = [`${base}.ts`, join(base, 'index.ts'), base].find((p) => existsSync(p) && statSync(p).isFile());
    out.push({ target: relative(ROOT, found ?? base), external: false, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0])) {
      add(node.arguments[0].text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const FILES = [...sourceFiles('server/src'), ...sourceFiles('client/src')];
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));

/** The layer of a file: `engine`, `formats`, `files`, `cli`, `lsp` (with `server.ts`, `main.ts`), `client`. */
function layerOf(file: string): string {
  if (file.startsWith('client/')) return 'client';
  const top = file.split('/')[2];
  return top === 'server.ts' || top === 'main.ts' || top === 'lsp' ? 'lsp' : top;
}

/** What each layer may import besides itself. */
const ALLOWED: Record<string, { layers: string[]; packages: RegExp }> = {
  // Pure: text in, model and findings out. No editor, no LSP, no file system, no packages.
  engine: { layers: [], packages: /^$/ },
  // Adapters between file formats and the engine's text (docx/Markdown in, docx out).
  formats: { layers: ['engine'], packages: /^(docx|fflate|mdast-|micromark-)/ },
  files: { layers: ['engine'], packages: /^node:(fs|path)$/ },
  cli: { layers: ['engine', 'formats', 'files'], packages: /^node:/ },
  lsp: { layers: ['engine', 'formats', 'files'], packages: /^(node:|vscode-languageserver|vscode-languageserver-textdocument|jsonc-parser)/ },
  client: { layers: ['engine', 'formats'], packages: /^(node:|vscode$|vscode-languageclient)/ },
};

describe('architecture', () => {
  it('reads every source file and finds its imports', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(GRAPH.get('server/src/engine/pipeline/index.ts')!.map((i) => i.target)).toContain('server/src/engine/pipeline/01-lines.ts');
  });

  it('each layer imports only what its rule allows', () => {
    const broken: string[] = [];
    for (const [file, imports] of GRAPH) {
      const layer = layerOf(file);
      const rule = ALLOWED[layer];
      expect(rule, `no rule for the layer of ${file}`).toBeDefined();
      for (const i of imports) {
        // Data files bundled as JSON (`snippets/gongwen.code-snippets`) are not code: any layer may read them.
        if (!i.external && !i.target.endsWith('.ts')) continue;
        if (i.external ? !rule.packages.test(i.target) : layerOf(i.target) !== layer && !rule.layers.includes(layerOf(i.target))) broken.push(`${file} (${layer}) imports ${i.target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('has no import cycles (runtime imports)', () => {
    // Tarjan's strongly connected components over value imports between our own files.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    let next = 0;
    const strongConnect = (v: string) => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      for (const i of GRAPH.get(v) ?? []) {
        if (i.external || i.typeOnly || !GRAPH.has(i.target)) continue;
        const w = i.target;
        if (!index.has(w)) {
          strongConnect(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        const selfLoop = (GRAPH.get(v) ?? []).some((i) => !i.typeOnly && i.target === v);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    };
    for (const file of FILES) if (!index.has(file)) strongConnect(file);
    expect(cycles).toEqual([]);
  });
});
