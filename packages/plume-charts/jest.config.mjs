import { createRequire } from 'node:module';
import preset from '../../tools/jest/preset.mjs';

const require = createRequire(import.meta.url);

export default {
  ...preset,
  displayName: 'plume-charts',
  // vega, vega-lite and their d3 helpers are ESM-only: @swc/jest compiles them to CommonJS too.
  // @resvg/resvg-wasm's CommonJS build (what jest loads) stays as it is.
  transformIgnorePatterns: ['/node_modules/@resvg/'],
  // vega-canvas's Node build awaits an optional `canvas` import at its top level, which CommonJS
  // cannot hold; its browser build is the same code without node-canvas, which the package never uses.
  moduleNameMapper: {
    '^vega-canvas$': require.resolve('vega-canvas').replace(/vega-canvas\.node\.js$/, 'vega-canvas.browser.js'),
  },
};
