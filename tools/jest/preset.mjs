/**
 * Shared jest settings, spread into every project's jest.config.mjs.
 * TypeScript (and ESM-only dependencies such as ky) are compiled by @swc/jest to CommonJS,
 * so no experimental VM-modules flag is needed (toolchain.md P2).
 */
export default {
  testEnvironment: 'node',
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
