/**
 * The layer rules in eslint.config.js, checked on planted imports: each wrong-way import is one
 * member of the class "a lower layer reaches up", and each must be refused with the layer's
 * message, while the right-way imports beside them pass. Linting real source is `npm run check`'s
 * job; this proves the rules it runs can fail.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The layer errors ESLint reports for one planted module at `filePath` importing `from`. */
async function layerErrors(filePath: string, from: string): Promise<string[]> {
  const code = `import * as planted from '${from}';\nexport const used = planted;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
}

describe('layers: wrong-way imports are refused', () => {
  it.each([
    ['the model importing the store', 'server/model/planted.ts', '../store/types.ts', /model is the bottom layer/],
    ['the model importing an export', 'server/model/planted.ts', '../export/redact.ts', /model is the bottom layer/],
    ['a store importing the analyst guard', 'server/store/planted.ts', '../cypher/guard.ts', /never the guard/],
    ['a store importing the API', 'server/store/neo4j/planted.ts', '../../app.ts', /never the guard or a service/],
    ['an export importing a router', 'server/export/planted.ts', '../api/paths/router.ts', /Services do not import/],
    ['an import importing the CLI', 'server/import/planted.ts', '../cli/render.ts', /Services do not import/],
    [
      'the seed generator importing the config',
      'seeds/generator/planted.ts',
      '../../server/config.ts',
      /seed generator/,
    ],
    [
      'the server importing the client',
      'server/export/planted.ts',
      '../../client/src/core/style/palette.ts',
      /never imports the client/,
    ],
    ['the client importing the store', 'client/src/planted.ts', '../../server/store/types.ts', /shares only the model/],
    ['the pure client core importing the transport', 'client/src/core/query/planted.ts', '../../api/client.ts', /pure/],
  ])('%s', async (_name, filePath, from, message) => {
    const errors = await layerErrors(filePath, from);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });
});

describe('layers: right-way imports pass', () => {
  it.each([
    ['a store importing the model', 'server/store/planted.ts', '../model/schema.ts'],
    ['a store importing the lexer', 'server/store/planted.ts', '../cypher/lexer.ts'],
    ['an export importing the store types', 'server/export/planted.ts', '../store/types.ts'],
    ['a router importing an export', 'server/api/planted.ts', '../export/redact.ts'],
    ['the client importing the model', 'client/src/planted.ts', '../../server/model/provenance.ts'],
  ])('%s', async (_name, filePath, from) => {
    expect(await layerErrors(filePath, from)).toEqual([]);
  });
});
