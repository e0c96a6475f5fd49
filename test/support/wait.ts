/**
 * Checks again every `everyMs` until `check` holds or `timeoutMs` has passed, for what another
 * process does in its own time (a span exported, a request reaching an index); the test then
 * asserts what it waited for, so running out of time fails there, with what was missing.
 */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, everyMs));
}
