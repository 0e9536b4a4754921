import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// scripts/ensure-chromium.sh run against stand-ins for `id`, `sudo` and `apt-get` placed first on
// PATH: the stand-in apt-get records its calls and, on install, puts a fake Chromium where the
// script expects it (CHROMIUM_PATH). Nothing is installed for real.
const SCRIPT = resolve(__dirname, '../scripts/ensure-chromium.sh');

let dir: string;
let chromium: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ensure-chromium-'));
  chromium = join(dir, 'chromium');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function stub(name: string, body: string): void {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

function run(setup: { uid: number; sudo?: 'passwordless' | 'refuses'; aptInstalls?: boolean }) {
  stub('id', `echo ${setup.uid}`);
  const install = `printf '#!/bin/sh\\necho Chromium 1\\n' > "${chromium}"; chmod +x "${chromium}"`;
  stub(
    'apt-get',
    `echo "apt-get $*" >> "${dir}/calls"\nif [ "$1" = install ]; then ${setup.aptInstalls === false ? ':' : install}; fi`,
  );
  if (setup.sudo === 'passwordless') stub('sudo', `[ "$1" = -n ] && shift; echo "sudo $*" >> "${dir}/sudo"; exec "$@"`);
  if (setup.sudo === 'refuses') stub('sudo', 'exit 1');
  const result = spawnSync('bash', [SCRIPT], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${dir}:${process.env.PATH ?? '/usr/bin:/bin'}`, CHROMIUM_PATH: chromium },
  });
  const calls = existsSync(join(dir, 'calls')) ? readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n') : [];
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
}

const APT_CALLS = ['apt-get update', 'apt-get install -y --no-install-recommends chromium'];

describe('scripts/ensure-chromium.sh', () => {
  it('does nothing, and never calls apt, when Chromium is there', () => {
    stub('chromium', 'echo Chromium 1');
    const result = run({ uid: 0 });
    expect(result).toMatchObject({ status: 0, calls: [] });
    expect(result.stdout).toContain(`found ${chromium}`);
  });

  it("installs Debian's chromium with apt-get when it is missing and it runs as root", () => {
    const result = run({ uid: 0 });
    expect(result).toMatchObject({ status: 0, calls: APT_CALLS });
    expect(existsSync(chromium)).toBe(true);
    expect(result.stdout).toContain('installed Chromium 1');
  });

  it('installs through passwordless sudo when it is not root', () => {
    const result = run({ uid: 1000, sudo: 'passwordless' });
    expect(result).toMatchObject({ status: 0, calls: APT_CALLS });
    expect(readFileSync(join(dir, 'sudo'), 'utf8')).toContain('sudo env DEBIAN_FRONTEND=noninteractive apt-get update');
  });

  it('fails with the command to run when it can neither be root nor sudo', () => {
    const result = run({ uid: 1000, sudo: 'refuses' });
    expect(result).toMatchObject({ status: 1, calls: [] });
    expect(result.stderr).toContain('sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium');
  });

  it('fails when apt-get leaves Chromium missing', () => {
    const result = run({ uid: 0, aptInstalls: false });
    expect(result).toMatchObject({ status: 1, calls: APT_CALLS });
    expect(result.stderr).toContain(`apt-get finished but ${chromium} is still missing`);
  });
});
