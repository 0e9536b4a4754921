import tseslint from 'typescript-eslint';
import boundaries from './module-boundaries.mjs';

/**
 * Project boundaries (see CONTRIBUTING.md). Tags live in each project's package.json `nx.tags`.
 * - every library (`type:lib`) depends only on libraries, never on an app, and never on telegraf;
 * - `scope:core` libraries (plume-analytics, bot-formatting) import no third-party runtime package
 *   and no Node built-in: they are pure and run anywhere;
 * - `scope:sdk` (plume-sdk) imports only ky and zod, and no Node built-in: it runs wherever fetch does;
 * - `scope:node` libraries (the simulator, the sandbox) are Node servers: Node built-ins and zod;
 * - only apps (`type:app`) may import telegraf.
 */
export const depConstraints = [
  {
    sourceTag: 'type:lib',
    onlyDependOnLibsWithTags: ['type:lib'],
    bannedExternalImports: ['telegraf', 'telegraf/*', '@telegraf/*'],
  },
  { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core'], allowedExternalImports: [] },
  { sourceTag: 'scope:sdk', onlyDependOnLibsWithTags: ['scope:core'], allowedExternalImports: ['ky', 'zod'] },
  {
    sourceTag: 'scope:node',
    onlyDependOnLibsWithTags: ['scope:core', 'scope:node'],
    allowedExternalImports: ['node:*', 'zod'],
  },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.tools/**', '.nx/**', '**/coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    plugins: { '@org': boundaries },
    rules: {
      '@org/module-boundaries': ['error', { depConstraints }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly' },
    },
  },
);
