// jest globalTeardown paired with postgres-setup.mjs: stops the server it started and deletes its folder.
export default async function teardown() {
  const server = globalThis.__testPostgres;
  if (server === undefined) return;
  delete globalThis.__testPostgres;
  delete process.env.TEST_POSTGRES_URL;
  await server.stop();
}
