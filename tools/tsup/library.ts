import { defineConfig, type Options } from 'tsup';

/**
 * The one tsup configuration every publishable library builds with: ESM (`dist/index.mjs`,
 * `index.d.mts`) and CJS (`dist/index.js`, `index.d.ts`) from `src/index.ts`.
 *
 * Libraries are `"type": "commonjs"` so that the CJS build of a library importing an ESM-only
 * package (ky) is emitted as `__toESM(require("ky"))`, which works through Node's `require(esm)`;
 * under `"type": "module"` esbuild emits `__toESM(require("ky"), 1)`, whose Node-mode interop
 * ignores `__esModule` and breaks `ky.create` at run time while publint and attw still pass (the
 * publish rehearsal's `require()` smoke test catches it). The ESM build ships as `.mjs`.
 */
export function libraryConfig(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node22',
    splitting: false,
    treeshake: true,
    // Keep `node:` specifiers as written: some built-ins (node:sqlite, node:test) exist only with it.
    removeNodeProtocol: false,
    ...overrides,
  });
}

/** The build of an application: one ESM bundle of its own code, dependencies left external. */
export function appConfig(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/main.ts'],
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: true,
    target: 'node24',
    platform: 'node',
    splitting: false,
    removeNodeProtocol: false,
    ...overrides,
  });
}
