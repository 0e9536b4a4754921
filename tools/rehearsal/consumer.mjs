// A scratch project outside the repo that installs the released libraries from the rehearsal
// registry and uses each one as a consumer would: ESM import(), CJS require() and TypeScript
// under moduleResolution node16 and bundler.
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run, tail } from './exec.mjs';

// Loads a library the way a consumer does and runs its smoke test against it, if it has one.
const LOAD = `import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
const [name, kind, smokeFile] = process.argv.slice(2);
const lib = kind === 'esm' ? await import(name) : createRequire(import.meta.url)(name);
if (lib == null || typeof lib !== 'object') throw new Error(name + ' loaded as ' + typeof lib);
if (existsSync(smokeFile)) {
  const { default: smoke } = await import(smokeFile);
  await smoke(lib, kind);
  console.log(name + ' (' + kind + '): smoke test passed');
} else {
  console.log(name + ' (' + kind + '): loaded, exports ' + Object.keys(lib).join(', '));
}
`;

const TSCONFIG = {
  node16: { module: 'node16', moduleResolution: 'node16' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
};

// Besides Node's types: the optional peers a consumer of a subpath installs itself (telegraf, for
// @org/bot-formatting/telegraf), so that the subpath's types are checked against the real ones.
const CONSUMER_DEV_DEPENDENCIES = { '@types/node': '^24', telegraf: '4.16.3' };

function slug(name) {
  return name.replace(/^@/, '').replace(/\//g, '__');
}

/** Creates the scratch project and installs `libraries` ([{ name, version }]) into it. */
export async function createConsumer({ dir, libraries, env, log }) {
  await mkdir(dir, { recursive: true });
  const dependencies = Object.fromEntries(libraries.map((l) => [l.name, l.version]));
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'rehearsal-consumer',
        private: true,
        type: 'module',
        dependencies,
        devDependencies: CONSUMER_DEV_DEPENDENCIES,
      },
      null,
      2,
    ),
  );
  await writeFile(join(dir, 'load.mjs'), LOAD);
  log(`npm install ${libraries.map((l) => `${l.name}@${l.version}`).join(' ')}`);
  const install = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env });
  if (install.code !== 0) throw new Error(`npm install in the consumer project failed:\n${tail(install)}`);
}

/**
 * Runs the consumer checks of one library; resolves to [{ name, ok, detail }], one per check.
 * `source` is the library's folder in the repo (its rehearsal/ smoke.mjs and usage.ts, if any).
 */
export async function checkLibrary({ dir, library, source, tsc, env }) {
  const checks = [];
  const id = slug(library.name);
  const smoke = join(dir, 'smoke', `${id}.mjs`);
  if (existsSync(join(source, 'rehearsal/smoke.mjs'))) {
    await mkdir(join(dir, 'smoke'), { recursive: true });
    await cp(join(source, 'rehearsal/smoke.mjs'), smoke);
  }
  for (const kind of ['esm', 'cjs']) {
    const result = await run(process.execPath, ['load.mjs', library.name, kind, smoke], {
      cwd: dir,
      env,
      timeoutMs: 120_000,
    });
    checks.push({
      name: `${library.name} via ${kind === 'esm' ? 'import()' : 'require()'}`,
      ok: result.code === 0,
      detail: tail(result, 15),
    });
  }

  const usageDir = join(dir, 'usage', id);
  await mkdir(usageDir, { recursive: true });
  const usage = join(source, 'rehearsal/usage.ts');
  if (existsSync(usage)) await cp(usage, join(usageDir, 'usage.ts'));
  else
    await writeFile(
      join(usageDir, 'usage.ts'),
      `import * as lib from '${library.name}';\nexport const names: string[] = Object.keys(lib);\n`,
    );
  await writeFile(
    join(usageDir, 'require.cts'),
    `import lib = require('${library.name}');\nexport type Library = typeof lib;\n`,
  );
  for (const [mode, options] of Object.entries(TSCONFIG)) {
    const files = mode === 'node16' ? ['usage.ts', 'require.cts'] : ['usage.ts'];
    const tsconfig = join(usageDir, `tsconfig.${mode}.json`);
    await writeFile(
      tsconfig,
      JSON.stringify(
        {
          compilerOptions: {
            ...options,
            target: 'es2022',
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: ['node'],
          },
          files,
        },
        null,
        2,
      ),
    );
    const result = await run(process.execPath, [tsc, '-p', tsconfig], { cwd: dir, env, timeoutMs: 120_000 });
    checks.push({
      name: `${library.name} in TypeScript (moduleResolution ${mode})`,
      ok: result.code === 0,
      detail: tail(result, 15),
    });
  }
  return checks;
}
