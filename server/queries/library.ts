/**
 * The built-in query library: the `.cypher` files in cypher/. `name.cypher` holds the header and
 * the Cypher for both stores; `name.ladybug.cypher` or `name.neo4j.cypher`, where present, holds
 * the text for that store instead (a header there is optional and ignored).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../store/dialect.ts';
import { VISIBLE_PARAM, usesVisible } from './clearance.ts';
import { HeaderError, parameterIssues, parseQueryFile, type QueryHeader } from './header.ts';

export const BUILTIN_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));
export type DialectName = Dialect['name'];
export const DIALECTS: readonly DialectName[] = ['ladybug', 'neo4j'];

export interface QueryDef extends QueryHeader {
  /** the Cypher each store runs */
  texts: Record<DialectName, string>;
  builtin: boolean;
  /** which stores have a text of their own rather than the shared one */
  variants: DialectName[];
}

function stripHeader(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length && lines[i]?.startsWith('//')) i++;
  return lines.slice(i).join('\n').trim();
}

/** Reads every query in `dir`; a malformed file stops start-up with the file and the problem named. */
export function loadBuiltinQueries(dir = BUILTIN_DIR): QueryDef[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort();
  const bases = files.filter((f) => f.split('.').length === 2);
  const problems: string[] = [];
  const queries: QueryDef[] = [];
  for (const file of bases) {
    const name = file.replace(/\.cypher$/, '');
    try {
      const { header, body } = parseQueryFile(readFileSync(path.join(dir, file), 'utf8'), name, [VISIBLE_PARAM]);
      const texts = { ladybug: body, neo4j: body };
      const variants: DialectName[] = [];
      for (const dialect of DIALECTS) {
        const variant = `${name}.${dialect}.cypher`;
        if (!files.includes(variant)) continue;
        texts[dialect] = stripHeader(readFileSync(path.join(dir, variant), 'utf8'));
        variants.push(dialect);
        const issues = parameterIssues(texts[dialect], header.params, [VISIBLE_PARAM]);
        if (issues.length > 0) throw new HeaderError(issues.map((i) => `${variant}: ${i}`));
      }
      // every built-in query answers at the reader's clearance: one that never reads $visible cannot
      for (const dialect of DIALECTS) {
        if (!usesVisible(texts[dialect]))
          throw new HeaderError([`the ${dialect} text does not filter by $${VISIBLE_PARAM} (the reader's clearance)`]);
      }
      queries.push({ ...header, texts, builtin: true, variants });
    } catch (error) {
      problems.push(`${file}: ${error instanceof HeaderError ? error.issues.join('; ') : (error as Error).message}`);
    }
  }
  for (const file of files.filter((f) => f.split('.').length !== 2)) {
    const [base, dialect] = file.split('.');
    if (file.split('.').length !== 3 || !DIALECTS.includes(dialect as DialectName)) {
      problems.push(`${file}: a variant is named <query>.ladybug.cypher or <query>.neo4j.cypher`);
    } else if (!bases.includes(`${base}.cypher`)) {
      problems.push(`${file}: no ${base}.cypher beside it`);
    }
  }
  if (problems.length > 0) throw new Error(`the query library in ${dir} has problems:\n  ${problems.join('\n  ')}`);
  return queries;
}
