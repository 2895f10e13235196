/**
 * Requests as real accounts: each account is made once by the operator (as `npm run user` does)
 * with an API token, and every request carries it, so the actor is the one the server's own
 * authentication resolves (AUTH=on), never one the test sets.
 */
import type { RequestListener } from 'node:http';
import type { Role } from '../../server/model/access.ts';
import type { Tlp } from '../../server/model/markings.ts';
import { addUser, OPERATOR, type AuthHarness } from './auth-harness.ts';

export interface Account {
  name: string;
  role: Role;
  clearance: Tlp;
}

export function tokenClient(h: () => AuthHarness): (who: Account) => RequestListener {
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (who: Account): Promise<string> => {
    let token = tokens.get(who.name);
    if (!token) {
      token = (async () => {
        await addUser(h(), who.name, who.role, who.clearance);
        return (await h().operator.createToken(who.name, 'test', OPERATOR)).token;
      })();
      tokens.set(who.name, token);
    }
    return token;
  };
  return (who) => (req, res) => {
    tokenFor(who).then(
      (token) => {
        req.headers.authorization = `Bearer ${token}`;
        h().app(req, res);
      },
      (error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      },
    );
  };
}
