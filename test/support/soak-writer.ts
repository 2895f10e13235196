/**
 * The process the soak test kills: opens the embedded store in DATA_DIR and runs small write
 * transactions through store.write (as chart editing will), one after another, with reads and
 * CHECKPOINTs between them, until it is killed. Transaction i creates ScamType soak-i; every fifth
 * also links it from centre:soak and sets that centre's workforce to i, in the same transaction.
 * After each commit it prints `ok <i>`; every READ_EVERY writes it checks the counts itself and
 * exits 3 on a mismatch. Run: node --import tsx test/support/soak-writer.ts
 */
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';

const CHECKPOINT_EVERY = Number(process.env.SOAK_CHECKPOINT_EVERY ?? 50);
const READ_EVERY = 25;
const store = new EmbeddedStore({
  dataDir: process.env.DATA_DIR!,
  limits: { timeoutMs: 30_000, maxRows: 10, maxBytes: 1e6 },
});
await store.init();
const prov = "grade: 'C3', tlp: 'CLEAR', synthetic: true, sourceIds: []";
await store.write(
  `CREATE (:Centre {id: 'centre:soak', name: 'Soak centre', status: 'active', workforce: -1, ${prov}})`,
);
process.stdout.write('ready\n');

const count = async (query: string) => Number((await store.read(query)).rows[0]!.c);
for (let i = 0; ; i++) {
  const id = `scamtype:soak-${i}`;
  if (i % 5 === 0) {
    await store.write(
      `MATCH (c:Centre {id: 'centre:soak'}) CREATE (s:ScamType {id: $id, name: $name, ${prov}}) CREATE (c)-[:RUNS_SCAM {id: $rel, ${prov}}]->(s) SET c.workforce = $i`,
      { id, name: `Soak ${i}`, rel: `soak-r${i}`, i },
    );
  } else {
    await store.write(`CREATE (:ScamType {id: $id, name: $name, ${prov}})`, { id, name: `Soak ${i}` });
  }
  process.stdout.write(`ok ${i}\n`);
  if (i % CHECKPOINT_EVERY === CHECKPOINT_EVERY - 1) await store.checkpoint();
  if (i % READ_EVERY === 0) {
    const nodes = await count("MATCH (s:ScamType) WHERE s.id STARTS WITH 'scamtype:soak-' RETURN count(s) AS c");
    const rels = await count("MATCH (:Centre {id: 'centre:soak'})-[r:RUNS_SCAM]->() RETURN count(r) AS c");
    if (nodes !== i + 1 || rels !== Math.floor(i / 5) + 1) {
      process.stderr.write(`count mismatch after ${i}: ${nodes} nodes, ${rels} relationships\n`);
      process.exit(3);
    }
  }
}
