/**
 * What accounts cost a request: sign-in (argon2id verification and a session file) and one lookup
 * sent with a session cookie, with an API token, and to a server with AUTH=off, one request at a
 * time, p50 and p95 after 20 warm-up requests. Against two running servers on the same graph:
 *
 *   PORT=3111 npm start                                   # AUTH on
 *   PORT=3112 AUTH=off DATA_DIR=./data2 npm start         # AUTH off
 *   echo "$PW" | npm run user -- add mara --role analyst --clearance RED --password-stdin
 *   npx tsx test/bench/auth-overhead.ts http://127.0.0.1:3111 http://127.0.0.1:3112 mara "$PW" "$(npm run -s user -- token mara | grep -o 'snt_[A-Za-z0-9_-]*')"
 *
 * Each JSON answer also waits for its audit event to be on disk, so the figures include the trail.
 */
const [on, off, name, password, token] = process.argv.slice(2);
if (!on || !off || !name || !password || !token) {
  console.error('usage: auth-overhead.ts <auth-on url> <auth-off url> <name> <password> <api token>');
  process.exit(2);
}
const pct = (values: number[], p: number) => [...values].sort((x, y) => x - y)[Math.floor(values.length * p)]!;
const ms = (values: number[]) => `p50 ${pct(values, 0.5).toFixed(2)} ms, p95 ${pct(values, 0.95).toFixed(2)} ms`;

async function timed(url: string, headers: Record<string, string>, n = 300): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n + 20; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    if (i >= 20) out.push(performance.now() - started);
  }
  return out;
}

async function signIn(who: string, secret: string): Promise<{ ms: number; cookie: string }> {
  const started = performance.now();
  const res = await fetch(`${on}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: who, password: secret }),
  });
  return { ms: performance.now() - started, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
}

// a right password clears the account's sign-in count, so ten in a row stay under the limit
const good = [];
for (let i = 0; i < 10; i++) good.push(await signIn(name, password));
const unknown = [];
for (let i = 0; i < 3; i++) unknown.push((await signIn(`nobody-${i}`, 'not the password')).ms);
const cookie = good.at(-1)!.cookie;
console.log(
  `sign-in: p50 ${pct(
    good.map((g) => g.ms),
    0.5,
  ).toFixed(1)} ms; an unknown name: ${unknown.map((u) => u.toFixed(1)).join(', ')} ms`,
);
for (const path of ['/api/nodes/centre:na-2024-01', '/api/search?q=phil']) {
  console.log(`GET ${path}`);
  console.log(`  session cookie: ${ms(await timed(on + path, { cookie }))}`);
  console.log(`  API token:      ${ms(await timed(on + path, { authorization: `Bearer ${token}` }))}`);
  console.log(`  AUTH=off:       ${ms(await timed(off + path, {}))}`);
}
