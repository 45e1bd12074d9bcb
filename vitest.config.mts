import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // `snippets/gongwen.code-snippets` is JSON; the server imports it (esbuild: `loader: { '.code-snippets': 'json' }`).
      name: 'gongwen-code-snippets-as-json',
      transform(code: string, id: string) {
        if (!id.endsWith('.code-snippets')) return null;
        return { code: `export default ${JSON.stringify(JSON.parse(code))};`, map: null };
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 20000,
    pool: 'forks',
  },
});
