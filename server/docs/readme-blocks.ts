/**
 * Parts of README.md generated from the code — the data model diagram and the query library
 * table — so the documentation cannot drift: `npm run docs` rewrites them, and a test fails when
 * they differ from what the code would write.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelDiagram } from '../model/mermaid.ts';
import { BUILTIN_DIR, loadBuiltinQueries } from '../queries/library.ts';

/** The library file the README shows as the example of the format. */
const EXAMPLE_QUERY = 'routes-through-country.cypher';

export interface Block {
  id: string;
  content: string;
}

function queryTable(): string {
  const rows = loadBuiltinQueries().map((q) => {
    const params =
      q.params
        .map((p) => `\`${p.name}\`${p.required ? '' : '?'} (\`${p.type}\`${p.kind ? ` of ${p.kind}` : ''})`)
        .join(', ') || '—';
    const variants = q.variants.length > 0 ? ` (${q.variants.join(', ')} variant)` : '';
    return `| \`${q.name}\`${variants} | ${q.title} | ${params} |`;
  });
  return ['| query | answers | parameters (`?` = has a default) |', '| --- | --- | --- |', ...rows].join('\n');
}

export function readmeBlocks(): Block[] {
  return [
    { id: 'model-diagram', content: `\`\`\`mermaid\n${modelDiagram()}\n\`\`\`` },
    { id: 'query-library', content: queryTable() },
    { id: 'query-example', content: `\`\`\`cypher\n${readFileSync(path.join(BUILTIN_DIR, EXAMPLE_QUERY), 'utf8').trim()}\n\`\`\`` },
  ];
}

const marker = (id: string) => new RegExp(`(<!-- ${id}:start[^>]*-->\\n)([\\s\\S]*?)(<!-- ${id}:end -->)`);

/** The README's current text of a block, or undefined when its markers are missing. */
export function currentBlock(readme: string, id: string): string | undefined {
  return marker(id).exec(readme)?.[2]?.replace(/\n$/, '');
}

export function rewriteBlocks(readme: string): string {
  return readmeBlocks().reduce((text, block) => {
    if (!marker(block.id).test(text)) throw new Error(`README.md has no <!-- ${block.id}:start --> … <!-- ${block.id}:end --> markers`);
    return text.replace(marker(block.id), (_m, start: string, _old: string, end: string) => `${start}${block.content}\n${end}`);
  }, readme);
}
