import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';

// scripts/ensure-postgres.sh run against stand-ins for `id`, `sudo` and `apt-get` placed first on
// PATH, with Debian's folders moved into a temporary folder: the stand-in apt-get records its calls
// and, on install, puts a fake initdb where Debian's package would. Nothing is installed for real.
const SCRIPT = resolve(__dirname, '../scripts/ensure-postgres.sh');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ensure-postgres-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function stub(name: string, body: string): void {
  const file = join(dir, 'bin', name);
  mkdirSync(join(dir, 'bin'), { recursive: true });
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

function run(setup: { uid: number; sudo?: 'passwordless' | 'refuses'; aptInstalls?: boolean; env?: object }) {
  stub('id', `echo ${setup.uid}`);
  const lib = join(dir, 'lib');
  const install = `mkdir -p "${lib}/15/bin" && touch "${lib}/15/bin/initdb"`;
  stub(
    'apt-get',
    `echo "apt-get $*" >> "${dir}/calls"\nif [ "$1" = install ]; then ${setup.aptInstalls === false ? ':' : install}; fi`,
  );
  if (setup.sudo === 'passwordless') stub('sudo', `[ "$1" = -n ] && shift; echo "sudo $*" >> "${dir}/sudo"; exec "$@"`);
  if (setup.sudo === 'refuses') stub('sudo', 'exit 1');
  const { POSTGRES_BIN: _bin, TEST_POSTGRES_URL: _url, ...env } = process.env;
  const result = spawnSync('bash', [SCRIPT], {
    encoding: 'utf8',
    env: {
      ...env,
      PATH: `${join(dir, 'bin')}:/usr/bin:/bin`,
      POSTGRES_LIB_DIR: lib,
      POSTGRES_COMMON_DIR: join(dir, 'common'),
      ...setup.env,
    },
  });
  const calls = existsSync(join(dir, 'calls')) ? readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n') : [];
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
}

const APT_CALLS = ['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends postgresql'];

describe('scripts/ensure-postgres.sh', () => {
  it('does nothing, and never calls apt, when the server programs are there or a server is given', () => {
    mkdirSync(join(dir, 'lib', '15', 'bin'), { recursive: true });
    writeFileSync(join(dir, 'lib', '15', 'bin', 'initdb'), '');
    expect(run({ uid: 0 })).toMatchObject({ status: 0, calls: [] });
    rmSync(join(dir, 'lib'), { recursive: true });
    expect(run({ uid: 0, env: { TEST_POSTGRES_URL: 'postgres://127.0.0.1/x' } })).toMatchObject({
      status: 0,
      calls: [],
    });
    expect(run({ uid: 0, env: { POSTGRES_BIN: '/opt/pg/bin' } })).toMatchObject({ status: 0, calls: [] });
  });

  it("installs Debian's postgresql as root, without the default cluster", () => {
    const result = run({ uid: 0 });
    expect(result).toMatchObject({ status: 0, calls: APT_CALLS });
    expect(readFileSync(join(dir, 'common', 'createcluster.d', 'no-main-cluster.conf'), 'utf8')).toBe(
      'create_main_cluster = false\n',
    );
    expect(result.stdout).toMatch(/installed in \d+ s/);
  });

  it('installs through passwordless sudo, and otherwise says what to run', () => {
    expect(run({ uid: 1000, sudo: 'passwordless' })).toMatchObject({ status: 0, calls: APT_CALLS });
    expect(readFileSync(join(dir, 'sudo'), 'utf8')).toContain('sudo env DEBIAN_FRONTEND=noninteractive apt-get update');
    rmSync(join(dir, 'lib'), { recursive: true });
    rmSync(join(dir, 'calls'));
    const refused = run({ uid: 1000, sudo: 'refuses' });
    expect(refused).toMatchObject({ status: 1, calls: [] });
    expect(refused.stderr).toContain(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends postgresql',
    );
  });

  it('fails when apt-get leaves initdb missing', () => {
    const result = run({ uid: 0, aptInstalls: false });
    expect(result).toMatchObject({ status: 1, calls: APT_CALLS });
    expect(result.stderr).toContain('apt-get finished but initdb is still missing');
  });
});
