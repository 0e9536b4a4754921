import { defineConfig } from 'tsup';

// The web chat's browser script: src/web/client/ bundled into one classic script, dist/web/app.js,
// which the server reads and serves as /web/app.js. Built after the library (whose build empties dist/).
export default defineConfig({
  entry: { app: 'src/web/client/main.ts' },
  outDir: 'dist/web',
  format: ['iife'],
  outExtension: () => ({ js: '.js' }),
  platform: 'browser',
  target: 'es2022',
  tsconfig: 'src/web/client/tsconfig.json',
  dts: false,
  sourcemap: false,
  clean: false,
  splitting: false,
});
