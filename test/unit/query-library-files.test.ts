/** The library loader on hand-made folders: malformed files stop it with the file and the problem named. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBuiltinQueries } from '../../server/queries/library.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function folder(files: Record<string, string>): string {
  dir = mkdtempSync(path.join(tmpdir(), 'scamnet-library-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const header = (name: string, extra = '') =>
  `// name: ${name}\n// title: T\n// description: D\n// param: id | id | required | the node\n${extra}// returns: R\n`;

describe('loading the query library', () => {
  it('reads a query and its dialect variant', () => {
    const queries = loadBuiltinQueries(
      folder({
        'one.cypher': `${header('one')}MATCH (n {id: $id}) WHERE n.tlp IN $visible RETURN labels(n)[0] AS kind`,
        'one.ladybug.cypher': '// ladybug text\nMATCH (n {id: $id}) WHERE n.tlp IN $visible RETURN label(n) AS kind',
      }),
    );
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatchObject({ name: 'one', variants: ['ladybug'] });
    expect(queries[0]!.texts.ladybug).toBe('MATCH (n {id: $id}) WHERE n.tlp IN $visible RETURN label(n) AS kind');
    expect(queries[0]!.texts.neo4j).toBe('MATCH (n {id: $id}) WHERE n.tlp IN $visible RETURN labels(n)[0] AS kind');
  });

  it('refuses a query that does not filter by $visible, in either text, or that declares it', () => {
    expect(() => loadBuiltinQueries(folder({ 'one.cypher': `${header('one')}MATCH (n {id: $id}) RETURN n` }))).toThrow(
      /one\.cypher: the ladybug text does not filter by \$visible/,
    );
    rmSync(dir, { recursive: true, force: true });
    expect(() =>
      loadBuiltinQueries(
        folder({
          'one.cypher': `${header('one')}MATCH (n {id: $id}) WHERE n.tlp IN $visible RETURN n`,
          'one.neo4j.cypher': 'MATCH (n {id: $id}) RETURN n',
        }),
      ),
    ).toThrow(/the neo4j text does not filter by \$visible/);
    rmSync(dir, { recursive: true, force: true });
    expect(() =>
      loadBuiltinQueries(
        folder({
          'one.cypher': `${header('one', '// param: visible | list<string> | default ["RED"] | all\n')}MATCH (n {id: $id}) WHERE n.tlp IN $visible RETURN n`,
        }),
      ),
    ).toThrow(/param visible is set by the runner and may not be declared/);
  });

  it.each([
    [
      {
        'one.cypher': `${header('one')}MATCH (n {id: $id}) RETURN n`,
        'one.ladybg.cypher': 'MATCH (n {id: $id}) RETURN n',
      },
      /one\.ladybg\.cypher: a variant is named/,
    ],
    [{ 'two.ladybug.cypher': 'MATCH (n) RETURN n' }, /two\.ladybug\.cypher: no two\.cypher beside it/],
    [{ 'three.cypher': `${header('other')}MATCH (n {id: $id}) RETURN n` }, /does not match the file name/],
    [
      { 'four.cypher': `${header('four')}MATCH (n {id: $other}) RETURN n` },
      /\$other is used but not declared.*param id is declared but not used/,
    ],
    [
      {
        'five.cypher': `${header('five', '// param: limit | integer | default ten | most\n')}MATCH (n {id: $id}) RETURN n LIMIT $limit`,
      },
      /default ten is not JSON/,
    ],
    [
      {
        'six.cypher': `${header('six', '// param: limit | integer | optional | most\n')}MATCH (n {id: $id}) RETURN n LIMIT $limit`,
      },
      /"required" or "default <JSON value>"/,
    ],
    [{ 'seven.cypher': '// name: seven\nMATCH (n) RETURN n' }, /needs a "title:" line/],
  ])('refuses a malformed library with the file named (%#)', (files, problem) => {
    expect(() => loadBuiltinQueries(folder(files as Record<string, string>))).toThrow(problem);
  });
});
