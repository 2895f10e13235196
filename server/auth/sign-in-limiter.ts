/**
 * Sign-in throttling (rate-limiter-flexible): failed attempts are counted per account name tried
 * and per client address over 15 minutes; past SIGNIN_MAX_PER_ACCOUNT or SIGNIN_MAX_PER_ADDRESS
 * the next attempt is refused (429 rate_limited) before any password is checked. A success
 * clears the account's count. Only failures count, so an office behind one address signing in
 * all morning is not locked out, while guessing is.
 *
 * The counters are in this process's memory: with several servers on one AUTH_DIR, each counts
 * its own (README, "Accounts and sign-in").
 */
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors.ts';

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

export interface SignInLimits {
  perAccount: number;
  perAddress: number;
}

export class SignInLimiter {
  private readonly byAccount: RateLimiterMemory;
  private readonly byAddress: RateLimiterMemory;

  constructor(private readonly limits: SignInLimits) {
    this.byAccount = new RateLimiterMemory({
      keyPrefix: 'account',
      points: limits.perAccount,
      duration: SIGN_IN_WINDOW_SECONDS,
    });
    this.byAddress = new RateLimiterMemory({
      keyPrefix: 'address',
      points: limits.perAddress,
      duration: SIGN_IN_WINDOW_SECONDS,
    });
  }

  /** Throws rate_limited (details: which limit, retryAfterSeconds) when either count is used up. */
  async check(name: string, address: string): Promise<void> {
    const [account, from] = await Promise.all([this.byAccount.get(key(name)), this.byAddress.get(address)]);
    const over = (res: RateLimiterRes | null, max: number) => res !== null && res.consumedPoints >= max;
    const which = over(account, this.limits.perAccount) ? account : over(from, this.limits.perAddress) ? from : null;
    if (!which) return;
    const limit = which === account ? 'account' : 'address';
    const retryAfterSeconds = Math.max(1, Math.ceil(which.msBeforeNext / 1000));
    throw new AppError(
      'rate_limited',
      `too many failed sign-ins for this ${limit}; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
      { limit, retryAfterSeconds },
    );
  }

  async failed(name: string, address: string): Promise<void> {
    // consume rejects once the points are used up; the count is what matters, not the rejection
    await Promise.all([
      this.byAccount.consume(key(name)).catch(() => undefined),
      this.byAddress.consume(address).catch(() => undefined),
    ]);
  }

  async succeeded(name: string): Promise<void> {
    await this.byAccount.delete(key(name));
  }
}

/** Names are compared as typed but bounded, so a megabyte of name is one short key. */
const key = (name: string) => name.trim().toLowerCase().slice(0, 200);
