/**
 * `snippets/gongwen.code-snippets` is a JSON file (VS Code's snippet format). The server imports
 * it so that completion and the insert-section fix use the same section bodies as the editor's
 * snippets: esbuild loads it with `loader: { '.code-snippets': 'json' }`, vitest with a small plugin
 * in `vitest.config.mts`.
 */
declare module '*.code-snippets' {
  const snippets: Record<string, { scope?: string; prefix: string | string[]; description?: string; body: string | string[] }>;
  export default snippets;
}
