/**
 * The connecting network at each clearance, on the clearance graph (test/support/clearance-graph.ts):
 * the path search itself keeps to what the reader may see, so a GREEN reader never gets a path
 * through the RED centre (and gets the longer one through GREEN nodes instead), an id they may not
 * see is the 404 of one that does not exist, and nothing withheld is named in the answer. Each
 * reader is a real account with a real API token on the app with AUTH=on. Runs on both stores.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestListener } from 'node:http';
import type { Tlp } from '../../server/model/markings.ts';
import { ConnectingResponse } from '../../server/graph/connecting-network.ts';
import { addUser, OPERATOR, startAuthHarness, type AuthHarness } from '../support/auth-harness.ts';
import { clearanceGraph, splitAt } from '../support/clearance-graph.ts';

const batch = clearanceGraph();
const H = { 'X-Scamnet-Request': '1' };
let h: AuthHarness;
const tokens = new Map<Tlp, Promise<string>>();

beforeAll(async () => {
  h = await startAuthHarness(batch);
});
afterAll(async () => {
  await h?.close();
});

/** A viewer cleared for `clearance`, made as `npm run user` does, and their API token. */
function tokenFor(clearance: Tlp): Promise<string> {
  if (!tokens.has(clearance)) {
    const name = `viewer-${clearance.toLowerCase().replace('+', '-')}`;
    tokens.set(
      clearance,
      (async () => {
        await addUser(h, name, 'viewer', clearance);
        return (await h.operator.createToken(name, 'connecting suite', OPERATOR)).token;
      })(),
    );
  }
  return tokens.get(clearance)!;
}

function as(clearance: Tlp): RequestListener {
  return (req, res) => {
    tokenFor(clearance).then(
      (token) => {
        req.headers.authorization = `Bearer ${token}`;
        h.app(req, res);
      },
      (error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      },
    );
  };
}

const connect = (clearance: Tlp, ids: string[], maxHops = 4) =>
  request(as(clearance)).post('/api/paths/connecting').set(H).send({ ids, maxHops });

function expectNothingWithheld(text: string, clearance: Tlp): void {
  const { withheld } = splitAt(batch, clearance);
  for (const id of withheld.ids) expect(text.includes(id), `names ${id}`).toBe(false);
  for (const name of withheld.names) expect(text.includes(name), `names ${name}`).toBe(false);
}

const IDS = ['facilitator:scout', 'country:KE', 'centre:g2'];
const routes = (body: ConnectingResponse) =>
  Object.fromEntries(body.pairs.map((p) => [`${p.from} ${p.to}`, p.paths.map((q) => q.nodes.join(' ')).sort()]));
const gaps = (body: ConnectingResponse) => body.unconnected.map((p) => `${p.from} ${p.to}`);

describe('the connecting network at each clearance', () => {
  it('gives a GREEN reader the three-hop path through what they may see, never the two hops through the RED centre', async () => {
    const body = ConnectingResponse.parse((await connect('GREEN', IDS).expect(200)).body);
    expect(routes(body)).toEqual({
      'facilitator:scout country:KE': ['facilitator:scout country:TH centre:g1 country:KE'],
    });
    // g2's only GREEN-visible link is to Nepal: from the others it is not reachable below AMBER
    expect(gaps(body)).toEqual(['facilitator:scout centre:g2', 'country:KE centre:g2']);
    expectNothingWithheld(JSON.stringify(body), 'GREEN');
    // and every grade, node and link in the answer is one a GREEN reader may see
    for (const item of [...body.nodes, ...body.edges]) expect(['CLEAR', 'GREEN']).toContain(item.attributes.tlp);
  });

  it('lets an AMBER reader through the AMBER broker', async () => {
    const body = ConnectingResponse.parse((await connect('AMBER', IDS).expect(200)).body);
    expect(routes(body)).toEqual({
      'facilitator:scout country:KE': ['facilitator:scout country:TH centre:g1 country:KE'],
      'facilitator:scout centre:g2': ['facilitator:scout country:TH centre:g1 facilitator:amber centre:g2'],
      'country:KE centre:g2': ['country:KE centre:g1 facilitator:amber centre:g2'],
    });
    expect(gaps(body)).toEqual([]);
    expectNothingWithheld(JSON.stringify(body), 'AMBER');
  });

  it('gives a RED reader the shortest paths over everything, the RED centre included', async () => {
    const body = ConnectingResponse.parse((await connect('RED', IDS).expect(200)).body);
    expect(routes(body)).toEqual({
      'facilitator:scout country:KE': ['facilitator:scout centre:red country:KE'],
      'facilitator:scout centre:g2': ['facilitator:scout centre:g2'],
      'country:KE centre:g2': [
        'country:KE centre:g1 country:TH centre:g2',
        'country:KE centre:g1 country:TH centre:g2',
        'country:KE centre:g1 facilitator:amber centre:g2',
        'country:KE centre:red facilitator:scout centre:g2',
      ],
    });
  });

  it('answers an id the reader may not see exactly as one that does not exist', async () => {
    const withheld = await connect('GREEN', ['facilitator:scout', 'centre:red']).expect(404);
    const missing = await connect('GREEN', ['facilitator:scout', 'centre:nosuch']).expect(404);
    expect(JSON.stringify(withheld.body).replaceAll('centre:red', 'centre:nosuch')).toBe(JSON.stringify(missing.body));
    await connect('RED', ['facilitator:scout', 'centre:red']).expect(200);
    // the AMBER broker, withheld from GREEN, is not an end either
    expect((await connect('GREEN', ['facilitator:amber', 'centre:g1']).expect(404)).body.error.details).toEqual({
      ids: ['facilitator:amber'],
    });
  });

  it('is refused to an account without graph:read', async () => {
    await request(h.app).post('/api/paths/connecting').set(H).send({ ids: IDS }).expect(401);
  });
});
