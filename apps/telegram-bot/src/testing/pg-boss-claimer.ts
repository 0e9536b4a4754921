import { spawn } from 'node:child_process';
import type { Job } from '../jobs/job-scheduler';
import { pgBossJobOf } from '../jobs/pg-boss-scheduler';

/** What the child runs: pg-boss alone, queueing one job as a replica would, then taking it and keeping it. */
const CLAIMER = `
import { PgBoss } from 'pg-boss';
const [url, schema, queue, stored] = process.argv.slice(-4);
const { data, options } = JSON.parse(stored);
const boss = new PgBoss({ connectionString: url, schema, supervise: false, schedule: false, migrate: false });
boss.on('error', (error) => console.error(error.message));
await boss.start();
await boss.send(queue, data, options);
const [job] = await boss.fetch(queue);
console.log(job === undefined ? 'nothing to claim' : 'claimed ' + job.id);
setInterval(() => {}, 60_000);
`;

/** A replica stand-in that holds a claimed job until it is killed. */
export interface Claimer {
  /** The id of the job it claimed. */
  jobId: string;
  /** `kill -9`: the claim is left active in the database, settled by nobody. */
  kill(): Promise<void>;
}

/**
 * Starts a process (in the current folder, where `pg-boss` resolves) that queues `job` on the existing queue of `kind` (as the pg-boss scheduler
 * would) and takes it, as a replica would to run it; resolves once it holds it. Killing it is a
 * replica's `kill -9` mid-job, which an instance in the test's process cannot play: pg-boss fails
 * the jobs of an instance that stops.
 * @throws {Error} with the child's output when it exits or answers before holding the job
 * @example const claimer = await claimInChildProcess(url, 'pgboss', kind.name, job); await claimer.kill();
 */
export function claimInChildProcess<T>(url: string, schema: string, kind: string, job: Job<T>): Promise<Claimer> {
  const stored = JSON.stringify(pgBossJobOf(kind, job));
  const child = spawn(process.execPath, ['--input-type=module', '-e', CLAIMER, url, schema, kind, stored], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!output.includes('\n')) return;
      const claimed = /^claimed (\S+)/.exec(output);
      if (claimed?.[1] === undefined) {
        child.kill('SIGKILL');
        reject(new Error(`The claiming process did not get the job:\n${output}`));
        return;
      }
      resolve({
        jobId: claimed[1],
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
    void exited.then(() => reject(new Error(`The claiming process exited before it claimed a job:\n${output}`)));
  });
}
