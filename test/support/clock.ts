/**
 * Waiting for the wall clock instead of sleeping: a test that needs a later timestamp than one it
 * already has (a workspace saved again must get a later `savedAt`) waits until `toISOString()`
 * reads differently, which is the condition it needs, and no fixed delay too short on a slow
 * machine or needlessly long on a fast one.
 */
import { vi } from 'vitest';

/** Resolves once `new Date().toISOString()` sorts after `iso`. */
export function untilClockPasses(iso: string, timeoutMs = 5_000): Promise<void> {
  return vi.waitFor(
    () => {
      if (!(new Date().toISOString() > iso)) throw new Error(`the clock has not passed ${iso}`);
    },
    { timeout: timeoutMs, interval: 1 },
  );
}
