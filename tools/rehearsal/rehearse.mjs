// The publish rehearsal: a local registry, a changesets release of every public package to it,
// and a scratch consumer project that installs and uses each library through ESM, CJS and
// TypeScript. Writes .rehearsal-results.json for the test summary. Libraries must be built.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkLibrary, createConsumer } from './consumer.mjs';
import { run } from './exec.mjs';
import { startRegistry } from './registry.mjs';
import { releaseWorkspace } from './release.mjs';

const root = resolve(import.meta.dirname, '../..');
const log = (message) => console.log(`[rehearsal] ${message}`);
const checks = [];

async function upstreamRegistry() {
  const result = await run('npm', ['config', 'get', 'registry']);
  return result.stdout.trim() || undefined;
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'plume-rehearsal-'));
  log(`working in ${dir}`);
  const registry = await startRegistry({ root, dir: join(dir, 'registry') });
  log(`local registry at ${registry.url}`);
  try {
    const host = registry.url.replace(/^http:/, '');
    const upstream = await upstreamRegistry();
    const npmrc = join(dir, 'npmrc');
    await writeFile(
      npmrc,
      [
        upstream && `registry=${upstream}`,
        `@org:registry=${registry.url}`,
        `${host}:_authToken=${registry.token}`,
        'fund=false',
        'audit=false',
        'update-notifier=false',
        '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
    const env = { ...process.env, NPM_CONFIG_USERCONFIG: npmrc, npm_config_userconfig: npmrc };
    delete env.npm_config_registry;

    const released = await releaseWorkspace({ root, dir: join(dir, 'release'), env, log });
    for (const library of released) {
      const response = await fetch(`${registry.url}${library.name.replace('/', '%2f')}`);
      const versions = response.ok ? Object.keys((await response.json()).versions ?? {}) : [];
      checks.push({
        name: `${library.name}@${library.version} published through changesets`,
        ok: versions.includes(library.version),
        detail: `registry has ${versions.join(', ') || 'no version'}`,
      });
    }

    const consumer = join(dir, 'consumer');
    await createConsumer({ dir: consumer, libraries: released, env, log });
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    for (const library of released) {
      log(`checking ${library.name}`);
      checks.push(...(await checkLibrary({ dir: consumer, library, source: join(root, library.dir), tsc, env })));
    }
  } finally {
    await registry.stop();
    log('local registry stopped');
    if (process.env.REHEARSAL_KEEP !== '1') await rm(dir, { recursive: true, force: true });
  }
}

let fatal;
try {
  await main();
} catch (error) {
  fatal = error;
  checks.push({ name: 'publish rehearsal', ok: false, detail: error.message });
}
for (const check of checks) {
  console.log(`${check.ok ? '✓' : '✗'} ${check.name}`);
  if (!check.ok) console.log(check.detail.replace(/^/gm, '    '));
}
const passed = checks.filter((c) => c.ok).length;
const failed = checks.length - passed;
await writeFile(join(root, '.rehearsal-results.json'), JSON.stringify({ passed, failed, checks }, null, 2));
log(`${passed} checks passed, ${failed} failed${fatal ? ' (stopped early)' : ''}`);
process.exitCode = failed === 0 ? 0 : 1;
