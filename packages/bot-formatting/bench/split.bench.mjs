// Benchmark of split(): run by hand after a build (`npm run build`), from packages/bot-formatting:
//   node bench/split.bench.mjs
// It splits a 1 MB message with 50,000 entities and compares the cost per character from 10 KB
// to 1 MB at the same entity density. Results are printed, not asserted.
import { bold, code, concat, italic, link, split, toHtml } from '../dist/index.mjs';

const TARGET_ENTITY_RATIO = 50_000 / 1_000_000; // entities per UTF-16 code unit

/** Lines of prose with emoji, RTL text and one formatted word per ~20 code units. */
function lineMessage(size) {
  const parts = [];
  let length = 0;
  let entities = 0;
  for (let i = 0; length < size; i += 1) {
    const styled = [bold, italic, code][i % 3](`pod ${i}`);
    const piece =
      i % 7 === 0 ? concat(link('ref', 'https://example.com/'), ' 👨‍👩‍👧 שלום\n\n') : concat(styled, ' is up ✅ k\n');
    parts.push(piece);
    length += piece.text.length;
    entities += piece.entities.length;
  }
  return { message: concat(...parts), entities };
}

/** No whitespace at all: every cut falls back to the last grapheme-cluster boundary. */
function clusterMessage(size) {
  const parts = [];
  let length = 0;
  for (let i = 0; length < size; i += 1) {
    const piece = concat(bold(`x${i % 100}`), '👨‍👩‍👧abcdéfgh');
    parts.push(piece);
    length += piece.text.length;
  }
  return { message: concat(...parts) };
}

/** Same density, but one long paragraph without line breaks: every cut falls back to a word. */
function wordMessage(size) {
  const parts = [];
  let length = 0;
  for (let i = 0; length < size; i += 1) {
    const piece = concat(bold(`w${i % 100}`), ' 👍🏽 words and more ');
    parts.push(piece);
    length += piece.text.length;
  }
  return { message: concat(...parts) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median ms of one call; each sample times `batch` calls, so small inputs are not lost in timer noise. */
function time(fn, runs, batch = 1) {
  for (let i = 0; i < batch; i += 1) fn(); // warm-up
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    for (let j = 0; j < batch; j += 1) fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6 / batch);
  }
  return median(samples);
}

const big = lineMessage(1_000_000);
console.log(
  `1 MB message: ${big.message.text.length.toLocaleString('en-US')} code units, ` +
    `${big.message.entities.length.toLocaleString('en-US')} entities (target ${TARGET_ENTITY_RATIO * 1e6})`,
);
const parts = split(big.message);
console.log(
  `split → ${parts.length} parts (at most 100 entities each), longest ${Math.max(...parts.map((p) => p.text.length))}`,
);
console.log(`split 1 MB: ${time(() => split(big.message), 7).toFixed(1)} ms (median of 7)`);
const unlimited = { maxEntities: Number.POSITIVE_INFINITY };
console.log(
  `split 1 MB, no entity limit → ${split(big.message, unlimited).length} parts: ${time(() => split(big.message, unlimited), 7).toFixed(1)} ms`,
);
console.log(`toHtml 1 MB: ${time(() => toHtml(big.message), 5).toFixed(1)} ms (median of 5)`);

/**
 * Median ms of one call per size, measured side by side: each round times every size once, so a
 * change in machine load affects all sizes alike and the ratios stay meaningful.
 */
function timeSideBySide(fns, rounds) {
  const samples = fns.map(() => []);
  for (const { fn, batch } of fns) for (let j = 0; j < batch; j += 1) fn(); // warm-up
  for (let round = 0; round < rounds; round += 1) {
    fns.forEach(({ fn, batch }, index) => {
      const start = process.hrtime.bigint();
      for (let j = 0; j < batch; j += 1) fn();
      samples[index].push(Number(process.hrtime.bigint() - start) / 1e6 / batch);
    });
  }
  return samples.map(median);
}

console.log('\nCost per character (median ms ÷ code units), same entity density, sizes timed side by side:');
for (const [name, build] of [
  ['lines', lineMessage],
  ['words only', wordMessage],
  ['no spaces', clusterMessage],
]) {
  const sizes = [10_000, 100_000, 1_000_000];
  const messages = sizes.map((size) => build(size).message);
  // Every sample processes about 1 MB: 1 call at 1 MB, 10 at 100 KB, 100 at 10 KB.
  const times = timeSideBySide(
    messages.map((message, i) => ({ fn: () => split(message), batch: Math.round(1_000_000 / sizes[i]) })),
    15,
  );
  const rows = sizes.map((size, i) => ({ size, ms: times[i], perChar: (times[i] * 1e6) / messages[i].text.length }));
  for (const row of rows) {
    console.log(
      `  ${name.padEnd(10)} ${String(row.size / 1000).padStart(5)} KB: ${row.ms.toFixed(2).padStart(7)} ms, ${row.perChar.toFixed(1)} ns/char`,
    );
  }
  const ratio = rows[2].perChar / rows[0].perChar;
  console.log(
    `  ${name.padEnd(10)} ratio 1 MB ÷ 10 KB per char: ${ratio.toFixed(2)} (${ratio <= 2 ? 'within' : 'NOT within'} 2×)`,
  );
}
