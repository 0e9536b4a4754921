import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';

import { FOLDER_PREFIX, findServerPrograms, startPostgres, sweepLeftovers } from '../jest/postgres.mjs';

// The throwaway PostgreSQL of the tests: a real server, reachable, run by someone other than root,
// and gone without a trace after stop() or after the process that started it is killed. Starting
// servers is slow on a busy machine (initdb alone took over 20 s at a load of 27 on 2 cores): these
// tests have room for it.
const SLOW = 180_000;
const run = promisify(execFile);

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function accepts(port: number): Promise<boolean> {
  const isReady = join(findServerPrograms(), 'pg_isready');
  try {
    await run(isReady, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres']);
    return true;
  } catch {
    return false;
  }
}

/** Waits (without asserting on time) until `check` holds; false if it never does within `ms`. */
async function eventually(check: () => boolean, ms = 20_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe('the tests’ PostgreSQL server', () => {
  it(
    'runs as a user other than root on a port of 127.0.0.1, and stop() leaves nothing behind',
    async () => {
      const [one, two] = await Promise.all([startPostgres(), startPostgres()]);
      try {
        expect(one.url).toBe(`postgres://postgres@127.0.0.1:${one.port}/postgres`);
        expect(one.port).not.toBe(two.port);
        expect(await accepts(one.port)).toBe(true);
        expect(await accepts(two.port)).toBe(true);
        expect(statSync(join(one.dir, 'data')).uid).not.toBe(0);
      } finally {
        await Promise.all([one.stop(), two.stop()]);
      }
      expect(isAlive(one.pid)).toBe(false);
      expect(existsSync(one.dir)).toBe(false);
      expect(existsSync(two.dir)).toBe(false);
      expect(await accepts(one.port)).toBe(false);
    },
    SLOW,
  );

  it(
    'dies with a test run killed before stop(), and the next start sweeps its folder',
    async () => {
      const script = `import { startPostgres } from ${JSON.stringify(join(__dirname, '../jest/postgres.mjs'))};
      const pg = await startPostgres();
      console.log(JSON.stringify({ pid: pg.pid, dir: pg.dir }));
      setInterval(() => {}, 1000);`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const started = await new Promise<{ pid: number; dir: string }>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(JSON.parse(out) as { pid: number; dir: string });
        });
        child.once('exit', (code) => reject(new Error(`the child exited (${code}) before its server started`)));
      });
      expect(isAlive(started.pid)).toBe(true);
      child.kill('SIGKILL');
      expect(await eventually(() => !isAlive(started.pid))).toBe(true);
      expect(existsSync(started.dir)).toBe(true); // nobody could delete it yet
      const next = await startPostgres();
      await next.stop();
      expect(existsSync(started.dir)).toBe(false);
    },
    SLOW,
  );

  it('sweeps only the folders whose owner is gone', () => {
    const parent = mkdtempSync(join(tmpdir(), 'sweep-test-'));
    try {
      const mine = join(parent, `${FOLDER_PREFIX}mine`);
      const orphan = join(parent, `${FOLDER_PREFIX}orphan`);
      const other = join(parent, 'something-else');
      for (const dir of [mine, orphan, other]) mkdirSync(dir);
      writeFileSync(join(mine, 'owner.pid'), `${process.pid}\n`);
      writeFileSync(join(orphan, 'owner.pid'), '2147483646\n');
      expect(sweepLeftovers(parent)).toEqual([orphan]);
      expect([existsSync(mine), existsSync(orphan), existsSync(other)]).toEqual([true, false, true]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
