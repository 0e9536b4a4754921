// `npm test`: the Prettier check, then lint, typecheck, tests, builds and package checks of every project through Nx,
// then the publish rehearsal; ends with the plain line `N passed, N failed`.
// In CI (CI=true) Nx's cache is skipped so that everything really runs.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { plainText, projectResults, summarize } from './summary.mjs';

const root = resolve(import.meta.dirname, '../..');
const targets = ['lint', 'typecheck', 'test', 'build', 'check-package'];
const ci = Boolean(process.env.CI) && process.env.CI !== 'false';

function stream(cmd, args) {
  return new Promise((done) => {
    let output = '';
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

for (const file of projectResults(root)) rmSync(file, { force: true });
rmSync(join(root, '.rehearsal-results.json'), { force: true });

const started = Date.now();
console.log('▶ prettier --check .');
const format = await stream('prettier', ['--check', '.', '--log-level=warn']);
console.log(format.code === 0 ? 'All files are formatted.' : '✗ Some files are not formatted (listed above).');

console.log(`▶ nx run-many -t ${targets.join(' ')}${ci ? ' (CI: Nx cache skipped)' : ''}`);
const nx = await stream('nx', [
  'run-many',
  '-t',
  ...targets,
  '--outputStyle=static',
  '--parallel=2',
  ...(ci ? ['--skip-nx-cache'] : []),
]);

let rehearsal = { code: 0 };
const librariesBuilt = !/Failed tasks:[\s\S]*:build\b/.test(plainText(nx.output));
if (librariesBuilt) {
  console.log('\n▶ publish rehearsal');
  rehearsal = await stream(process.execPath, ['tools/rehearsal/rehearse.mjs']);
} else {
  console.log('\n▶ publish rehearsal skipped: a build failed');
}

const { line, ok, notes } = summarize({
  root,
  nxOutput: nx.output,
  rehearsalRan: librariesBuilt,
  nxExitCode: nx.code,
  formatted: format.code === 0,
});
for (const note of notes) console.log(`✗ ${note}`);
console.log(`\nTook ${Math.round((Date.now() - started) / 1000)} s.`);
console.log(line);
process.exit(ok && nx.code === 0 && rehearsal.code === 0 ? 0 : 1);
