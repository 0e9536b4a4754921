/**
 * Shared jest settings, spread into every project's jest.config.mjs.
 * TypeScript (and ESM-only dependencies such as ky) are compiled by @swc/jest to CommonJS,
 * so no experimental VM-modules flag is needed: jest in CommonJS mode cannot load ESM-only ky
 * untransformed, and `transformIgnorePatterns` below lets @swc/jest compile it.
 */
export default {
  testEnvironment: 'node',
  // A test's timeout only catches a hang. Some tests wait on real timers (Retry-After, timeouts) and
  // CI shares 2 cores between projects, so jest's 5 s default would fail slow but correct runs.
  testTimeout: 30_000,
  testMatch: ['<rootDir>/src/**/*.test.ts'],
  transform: {
    '^.+\\.[cm]?[tj]s$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(ky)/)'],
  moduleFileExtensions: ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs', 'json'],
};
