import { describe } from '@jest/globals';
import { inProcessScheduler, jobSchedulerContract, pgBossScheduler } from '../testing/job-scheduler-contract';

// One contract for both schedulers: the in-process one (the bot on SQLite) and pg-boss (replicas on
// PostgreSQL, on the throwaway server that jest's globalSetup starts) must behave alike.
describe.each([inProcessScheduler, pgBossScheduler])('$name', (backend) => {
  jobSchedulerContract(backend);
});
