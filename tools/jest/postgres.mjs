// A throwaway PostgreSQL server for tests: a new cluster in a temporary folder (a copy of one that
// initdb made once per PostgreSQL version, cached in node_modules/.cache/test-postgres), on a free
// port of 127.0.0.1, run by a user other than root (PostgreSQL refuses root), stopped and deleted by `stop()`.
// A test run that dies before `stop()` leaves neither a server (the server gets SIGINT when the
// process that started it dies) nor, after the next start, its folder (swept as a leftover).
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Prefix of every server folder in the system's temporary folder (the sweep looks only at these). */
export const FOLDER_PREFIX = 'plume-test-pg-';

/** Name of the file, in a server folder, holding the pid of the process that owns the server. */
const OWNER_FILE = 'owner.pid';

/**
 * Where a freshly initialised cluster is kept, per PostgreSQL version and user, for new servers to
 * copy: initdb costs seconds of CPU (20 s and more on a busy 2-core machine), a copy a fraction.
 */
const TEMPLATE_CACHE = resolve(import.meta.dirname, '../../node_modules/.cache/test-postgres');

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

const readPid = (file) => {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Deletes the server folders whose owner is gone (a test run killed before it could stop its
 * server), first killing a server still running there. Returns the folders deleted.
 */
export function sweepLeftovers(parent = tmpdir()) {
  const swept = [];
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(FOLDER_PREFIX)) continue;
    const dir = join(parent, name);
    const owner = readPid(join(dir, OWNER_FILE));
    if (owner !== undefined && isAlive(owner)) continue;
    const server = readPid(join(dir, 'data', 'postmaster.pid'));
    if (server !== undefined && isAlive(server)) {
      try {
        process.kill(server, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    rmSync(dir, { recursive: true, force: true });
    swept.push(dir);
  }
  return swept;
}

const hasServer = (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'));

/**
 * The folder of PostgreSQL's server programs (initdb, postgres): `POSTGRES_BIN`, else Debian's newest
 * `/usr/lib/postgresql/<version>/bin`, else the folder on PATH that has `initdb`.
 * @throws {Error} saying how to install them when there are none
 */
export function findServerPrograms(env = process.env) {
  if (env.POSTGRES_BIN) {
    if (hasServer(env.POSTGRES_BIN)) return env.POSTGRES_BIN;
    throw new Error(`POSTGRES_BIN=${env.POSTGRES_BIN} has no initdb and postgres: point it at their folder.`);
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v) && hasServer(join(debian, v, 'bin')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(debian, versions[0], 'bin');
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) if (dir && hasServer(dir)) return dir;
  throw new Error(
    "PostgreSQL's server programs (initdb, postgres) were not found, and the PostgreSQL tests need them. " +
      'Install them (Debian: apt-get install postgresql; `npm test` does it by itself when run as root), ' +
      'or set POSTGRES_BIN to the folder that holds them, or TEST_POSTGRES_URL to a server of your own.',
  );
}

/** The uid and gid of `name` in /etc/passwd, or undefined. */
function systemUser(name) {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (line === undefined) return undefined;
  const [, , uid, gid] = line.split(':');
  return { name, uid: Number(uid), gid: Number(gid) };
}

/**
 * A new folder in the system's temporary folder, owned by this process (see the sweep) and by the
 * server's user.
 */
function ownedFolder(user) {
  const dir = mkdtempSync(join(tmpdir(), FOLDER_PREFIX));
  writeFileSync(join(dir, OWNER_FILE), `${process.pid}\n`);
  if (user !== undefined) chownSync(dir, user.uid, user.gid);
  return dir;
}

/**
 * The cached, freshly initialised cluster of this PostgreSQL and user, made now when missing: by
 * initdb in a folder of its own, copied into the cache and renamed into place, so that runs
 * starting together never see half a template (the first rename wins, the others drop theirs).
 */
async function clusterTemplate(bin, user, env) {
  const { stdout: version } = await run(join(bin, 'postgres'), ['--version'], { env });
  const key = createHash('sha256')
    .update(`${bin}\n${version}\n${user?.uid ?? process.getuid?.() ?? ''}`)
    .digest('hex')
    .slice(0, 16);
  const template = join(TEMPLATE_CACHE, key);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  mkdirSync(TEMPLATE_CACHE, { recursive: true });
  const work = ownedFolder(user);
  const staging = mkdtempSync(join(TEMPLATE_CACHE, `${key}-`));
  try {
    await run(
      join(bin, 'initdb'),
      [
        '-D',
        join(work, 'data'),
        '-U',
        'postgres',
        '-A',
        'trust',
        '-E',
        'UTF8',
        '--no-locale',
        '--no-sync',
        '--no-instructions',
      ],
      { ...(user === undefined ? {} : { uid: user.uid, gid: user.gid }), env, cwd: work },
    );
    // tmpdir and the cache may be on different file systems: copy (keeping owner and modes), then rename.
    await run('cp', ['-a', join(work, 'data'), join(staging, 'data')]);
    try {
      renameSync(join(staging, 'data'), template);
    } catch (error) {
      if (!existsSync(join(template, 'PG_VERSION'))) throw error;
    }
    return template;
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Who runs the server: the current user, or `postgres` when that is root. */
function serverUser() {
  if (process.getuid?.() !== 0) return undefined;
  const user = systemUser('postgres');
  if (user === undefined) {
    throw new Error(
      'PostgreSQL refuses to run as root and there is no `postgres` user to run it: ' +
        "install Debian's postgresql package (it creates one), or `useradd --system postgres`, or run the tests as another user.",
    );
  }
  return user;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const onPath = (program) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, program)));

/** Waits for the server's "ready" line in its log, or for it to exit. */
function waitUntilReady(child, logFile, timeoutMs) {
  return new Promise((resolve, reject) => {
    const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
    const tail = () => log().trim().split('\n').slice(-12).join('\n');
    const timer = setInterval(() => {
      if (log().includes('ready to accept connections')) finish(() => resolve());
    }, 25);
    const deadline = setTimeout(
      () => finish(() => reject(new Error(`PostgreSQL did not start within ${timeoutMs} ms:\n${tail()}`))),
      timeoutMs,
    );
    const onExit = (code, signal) =>
      finish(() =>
        reject(
          Object.assign(new Error(`PostgreSQL exited (${signal ?? code}) before it was ready:\n${tail()}`), {
            log: log(),
          }),
        ),
      );
    child.once('exit', onExit);
    function finish(settle) {
      clearInterval(timer);
      clearTimeout(deadline);
      child.off('exit', onExit);
      settle();
    }
  });
}

function stopped(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGINT'); // PostgreSQL's "fast" shutdown: ends sessions, then exits
  });
}

/**
 * Starts a new PostgreSQL server for tests. Its superuser is `postgres`, trusted without a password
 * on 127.0.0.1 only; durability is off (fsync, synchronous commit), which tests do not need.
 * @param {{ timeoutMs?: number }} [options] how long to wait for the server to be ready (default 30 s)
 * @returns {Promise<{ url: string, port: number, dir: string, pid: number, stop: () => Promise<void> }>}
 *   `stop()` shuts the server down and deletes its folder (idempotent).
 * @throws {Error} when the server programs are missing, the user is root without a `postgres` user, or the server does not start
 * @example const pg = await startPostgres(); try { ... pg.url ... } finally { await pg.stop(); }
 */
export async function startPostgres({ timeoutMs = 30_000 } = {}) {
  const bin = findServerPrograms();
  const user = serverUser();
  sweepLeftovers();
  const env = { PATH: process.env.PATH ?? '', LANG: 'C', LC_ALL: 'C', TZ: 'UTC' };
  const template = await clusterTemplate(bin, user, env);
  const dir = ownedFolder(user);
  const data = join(dir, 'data');
  const asUser = user === undefined ? {} : { uid: user.uid, gid: user.gid };
  let child;
  try {
    await run('cp', ['-a', template, data]);
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const logFile = join(dir, `postgres-${attempt}.log`);
      const server = [
        join(bin, 'postgres'),
        ...['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
        ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
        ...['-c', 'max_connections=200'],
      ];
      // setpriv gives the server a parent-death signal: it stops when this process dies, stop() or not.
      const withSetpriv = onPath('setpriv');
      const [command, ...args] = withSetpriv
        ? [
            'setpriv',
            ...(user === undefined ? [] : [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups']),
            '--pdeathsig=SIGINT',
            '--',
            ...server,
          ]
        : server;
      const logFd = openSync(logFile, 'a');
      if (user !== undefined) chownSync(logFile, user.uid, user.gid);
      child = spawn(command, args, {
        ...(withSetpriv ? {} : asUser),
        env,
        cwd: dir,
        stdio: ['ignore', logFd, logFd],
      });
      closeSync(logFd);
      try {
        await waitUntilReady(child, logFile, timeoutMs);
      } catch (error) {
        // Another process took the port between freePort() and the server's bind: try another.
        if (attempt < 3 && /could not (bind|create listen socket)/i.test(error.log ?? '')) continue;
        throw error;
      }
      const pid = child.pid;
      const running = child;
      let stopping;
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        port,
        dir,
        pid,
        stop() {
          stopping ??= stopped(running, 10_000).then(() => rmSync(dir, { recursive: true, force: true }));
          return stopping;
        },
      };
    }
  } catch (error) {
    if (child !== undefined) await stopped(child, 5_000);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
