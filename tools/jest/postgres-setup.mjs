// jest globalSetup of the projects whose tests use PostgreSQL: starts one throwaway server for the
// run (see postgres.mjs) and hands its URL to the tests as TEST_POSTGRES_URL, unless that is set
// already (a server of your own, or one started by an outer run).
import { startPostgres } from './postgres.mjs';

export default async function setup() {
  if (process.env.TEST_POSTGRES_URL) return;
  const server = await startPostgres();
  globalThis.__testPostgres = server;
  process.env.TEST_POSTGRES_URL = server.url;
}
