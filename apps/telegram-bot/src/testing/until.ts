/**
 * Waits until `check` holds, looking again every 20 ms: a wait for something the test cannot be
 * told about, never a timing assertion. It gives up only after `timeoutMs` (generous: a loaded
 * machine is slow), naming `what` it waited for.
 * @throws {Error} "Timed out waiting for <what>" after `timeoutMs`.
 * @example await until(() => simulator.log.inFlight() > 0, 'the /status to reach Plume');
 */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const giveUp = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > giveUp) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
