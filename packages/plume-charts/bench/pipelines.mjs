// The ways of turning a chart's SVG into a PNG, measured side by side in the same rounds so that
// the machine's load hits them alike: the package's former pipeline (the native @resvg/resvg-js
// addon reading the TTF files, resvg's PNG encoder), the native addon off the main thread
// (`renderAsync`), the same resvg compiled to WebAssembly (@resvg/resvg-wasm) with the fonts held
// in memory, and that with the package's PNG encoder (what the package does now).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const FAMILY = 'DejaVu Sans';
const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) =>
  fileURLToPath(new URL(`../fonts/${f}`, import.meta.url)),
);

/** CPU time of this process (all threads, user + system), ms. */
export const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The package's encoder (src/png.ts), restated at a given zlib level to compare levels. */
function encodePng(rgba, width, height, level) {
  const stride = width * 4;
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    out.set(data, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const zoom = (scale) => ({ mode: 'zoom', value: scale });

/** The native addon, as the package used it: fonts by file, resvg's PNG encoder. */
function loadNative() {
  const native = require('@resvg/resvg-js');
  const font = { fontFiles, loadSystemFonts: false, defaultFontFamily: FAMILY, sansSerifFamily: FAMILY };
  const sync = async (svg, scale) => {
    let t = cpuMs();
    const resvg = new native.Resvg(svg, { fitTo: zoom(scale), font });
    const parse = cpuMs() - t;
    t = cpuMs();
    const image = resvg.render();
    const raster = cpuMs() - t;
    t = cpuMs();
    const png = image.asPng();
    return { stages: { parse, raster, encode: cpuMs() - t }, bytes: png.length };
  };
  const async = async (svg, scale) => {
    let t = cpuMs();
    const image = await native.renderAsync(svg, { fitTo: zoom(scale), font });
    const parseAndRaster = cpuMs() - t;
    t = cpuMs();
    const png = image.asPng();
    return { stages: { parse: 0, raster: parseAndRaster, encode: cpuMs() - t }, bytes: png.length };
  };
  return { sync, async };
}

/** The WebAssembly build, as the package uses it: fonts as bytes; `encode` turns the image into a PNG. */
async function loadWasm() {
  const wasm = await import('@resvg/resvg-wasm');
  try {
    await wasm.initWasm(await readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  } catch (error) {
    if (!String(error).includes('Already initialized')) throw error;
  }
  const fontBuffers = await Promise.all(fontFiles.map(async (f) => new Uint8Array(await readFile(f))));
  const font = { fontBuffers, defaultFontFamily: FAMILY, sansSerifFamily: FAMILY };
  return (encode) => async (svg, scale) => {
    let t = cpuMs();
    const resvg = new wasm.Resvg(svg, { fitTo: zoom(scale), font });
    const parse = cpuMs() - t;
    t = cpuMs();
    const image = resvg.render();
    const raster = cpuMs() - t;
    t = cpuMs();
    const png = encode(image);
    const stages = { parse, raster, encode: cpuMs() - t };
    image.free();
    resvg.free();
    return { stages, bytes: png.length };
  };
}

const zlibLevel = (level) => (image) => encodePng(image.pixels, image.width, image.height, level);

/**
 * Loads both resvg builds and returns the pipelines: each takes an SVG and a scale and resolves to
 * `{ stages: { parse, raster, encode } (CPU ms), bytes }`.
 */
export async function pipelines() {
  const native = loadNative();
  const wasmWith = await loadWasm();
  return {
    'native, files, resvg PNG (before)': native.sync,
    'native renderAsync, resvg PNG': native.async,
    'wasm, font bytes, resvg PNG': wasmWith((image) => image.asPng()),
    'wasm, zlib level 1': wasmWith(zlibLevel(1)),
    'wasm, zlib level 4 (now)': wasmWith(zlibLevel(4)),
    'wasm, zlib level 6': wasmWith(zlibLevel(6)),
  };
}

/**
 * In a fresh process: loading one resvg build (`native` as before, `wasm` as now: the module, its
 * start and the fonts) and its first `count` SVG → PNG conversions at 2×, wall ms. WebAssembly
 * starts on baseline code and V8 optimises it in the background, so the first few are slower.
 */
export async function firstUse(kind, svg, count = 10) {
  const t0 = performance.now();
  const convert = kind === 'native' ? loadNative().sync : (await loadWasm())(zlibLevel(4));
  const loadMs = performance.now() - t0;
  const renders = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await convert(svg, 2);
    renders.push(performance.now() - t);
  }
  return { loadMs, renders };
}
