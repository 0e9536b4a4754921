import { resolve } from 'node:path';
import tseslint from 'typescript-eslint';
import boundaries from './module-boundaries.mjs';

const root = resolve(import.meta.dirname, '../..');

/**
 * Project boundaries (see CONTRIBUTING.md). Tags live in each project's package.json `nx.tags`.
 * - every library (`type:lib`) depends only on libraries, never on an app, and never on telegraf;
 * - `scope:core` libraries (plume-analytics, bot-formatting) import no third-party runtime package
 *   and no Node built-in: they are pure and run anywhere;
 * - `scope:sdk` (plume-sdk) imports only ky and zod, and no Node built-in: it runs wherever fetch does;
 * - `scope:node` libraries (the simulator, the sandbox) are Node servers: Node built-ins and zod;
 * - `scope:charts` (plume-charts) draws analysis results: core libraries, the Vega-Lite → Vega →
 *   resvg stack, zod and Node built-ins (it reads its font files);
 * - only apps (`type:app`) may import telegraf; one exception, below: the telegraf adapter of
 *   bot-formatting (`src/telegraf/`, published as `@org/bot-formatting/telegraf`) imports telegraf's
 *   types, and types only (telegraf is its optional peer dependency).
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
  {
    sourceTag: 'scope:charts',
    onlyDependOnLibsWithTags: ['scope:core'],
    allowedExternalImports: ['node:*', 'vega', 'vega-lite', '@resvg/resvg-wasm', 'zod'],
  },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
];

/** The constraints for the telegraf adapter's files: as for its project, with telegraf allowed. */
export const telegrafAdapterConstraints = depConstraints.map((c) => {
  if (c.sourceTag === 'type:lib') return { ...c, bannedExternalImports: [] };
  if (c.sourceTag === 'scope:core') return { ...c, allowedExternalImports: ['telegraf'] };
  return c;
});

const TELEGRAF_ADAPTER = ['packages/bot-formatting/src/telegraf/**/*.ts'];
const TYPES_ONLY = (names) =>
  names.map((name) => ({ name, allowTypeImports: true, message: 'Only types may be imported from it here.' }));

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.tools/**', '.nx/**', '**/coverage/**'] },
  // Type-aware rules (no-floating-promises, no-misused-promises, require-await, unbound-method, ...):
  // each file is checked with the types of the tsconfig.json nearest to it. Workspace dependencies'
  // types come from their built dist, so the Nx lint target depends on `^build`.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        tsconfigRootDir: root,
        projectService: {
          // Config files outside every project's tsconfig, checked with the base options.
          allowDefaultProject: ['packages/*/tsup.config.ts', 'apps/*/tsup.config.ts', 'packages/*/tsup.web.config.ts'],
          defaultProject: 'tsconfig.base.json',
        },
      },
    },
  },
  {
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    plugins: { '@org': boundaries },
    rules: {
      '@org/module-boundaries': ['error', { depConstraints }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Passing a rejection on is allowed: an abort signal's `reason` (typed `any`) or a caught `unknown`.
      // The SDK rejects with `signal.reason` on purpose, as fetch does, so a caller's own abort reason
      // reaches them unchanged. A new rejection with a string or another non-Error is still reported.
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
    },
  },
  {
    // bot-formatting's generic root knows nothing of Plume; its Plume renderers use analytics' types
    // only (analytics is their optional peer); the telegraf adapter uses telegraf's types only.
    files: ['packages/bot-formatting/src/**/*.ts'],
    ignores: ['packages/bot-formatting/src/plume/**', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@org/plume-analytics',
              message: 'The generic core stays free of Plume: use @org/bot-formatting/plume.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/bot-formatting/src/plume/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: TYPES_ONLY(['@org/plume-analytics']) }] },
  },
  {
    files: TELEGRAF_ADAPTER,
    ignores: ['**/*.test.ts'],
    rules: {
      '@org/module-boundaries': ['error', { depConstraints: telegrafAdapterConstraints }],
      '@typescript-eslint/no-restricted-imports': ['error', { paths: TYPES_ONLY(['telegraf', 'telegraf/types']) }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly' },
    },
  },
  {
    // Plain JavaScript has no types to check, and each package's rehearsal/usage.ts is type-checked by
    // the publish rehearsal against the installed package, outside every tsconfig of the workspace.
    files: ['**/*.{js,mjs,cjs}', 'packages/*/rehearsal/**/*.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
);
