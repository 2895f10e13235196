import { EmbeddedStore } from './server/store/embedded/embedded-store.ts';
import { writeBatch } from './server/store/batch-writer.ts';
import { parseBatch } from './server/model/schema.ts';
const store = new EmbeddedStore({ dataDir: '/tmp/sn1', limits: { timeoutMs: 5000, maxRows: 100 } });
await store.init();
const p = parseBatch({ nodes: [
  { kind: 'Country', id: 'country:NA', name: 'Namibia', iso2: 'NA', iso3: 'NAM', region: 'Africa', lat: -22, lng: 17.5, grade: 'A1', tlp: 'CLEAR', sourceIds: ['source:x'], firstSeen: '2024-01-01' },
  { kind: 'Centre', id: 'centre:na', name: 'Windhoek compound', aliases: ['Café Ñ'], status: 'dismantled', workforce: 88, grade: 'A1', tlp: 'CLEAR', sourceIds: ['source:x'] },
  { kind: 'Source', id: 'source:x', name: 'Doc', publisher: 'INTERPOL', published: '2025-06-30', grade: 'A1', tlp: 'CLEAR', sourceIds: ['source:x'] },
], relationships: [
  { kind: 'LOCATED_IN', id: 'r1', from: 'centre:na', to: 'country:NA', grade: 'A1', tlp: 'CLEAR', sourceIds: ['source:x'] },
  { kind: 'REPORTED_IN', id: 'r2', from: 'centre:na', to: 'source:x', grade: 'A1', tlp: 'CLEAR', sourceIds: ['source:x'] },
] });
if (!p.ok) throw new Error(JSON.stringify(p.issues));
console.log(await writeBatch(store, p.batch));
console.log(JSON.stringify(await store.read('MATCH (a)-[r]->(b) RETURN a, r, b.name AS bn, a.firstSeen AS fs'), null, 1).slice(0, 3000));
console.log(JSON.stringify(await store.read('MATCH ()-[r]->() RETURN r')));
const bad = parseBatch({ nodes: [{ kind: 'Country', id: 'country:XX', name: 'X', iso2: 'XX', iso3: 'XXX', region: 'r', grade: 'A1', tlp: 'CLEAR', synthetic: true }], relationships: [{ kind: 'LOCATED_IN', id: 'r9', from: 'centre:nope', to: 'country:XX', grade: 'A1', tlp: 'CLEAR', synthetic: true }] });
if (!bad.ok) throw new Error('x');
try { await writeBatch(store, bad.batch); } catch (e: any) { console.log(e.code, e.message, JSON.stringify(e.details)); }
console.log(JSON.stringify((await store.read('MATCH (n:Country) RETURN n.id')).rows));
console.log(JSON.stringify(await store.read("MATCH (a:Country {id:'country:NA'}), (b:Source {id:'source:x'}) MATCH p = (a)-[* ALL SHORTEST 1..4]-(b) RETURN p")));
await store.close();
