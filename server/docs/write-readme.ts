/** `npm run docs`: rewrites the generated blocks of README.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { rewriteBlocks } from './readme-blocks.ts';

const file = new URL('../../README.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = rewriteBlocks(before);
writeFileSync(file, after);
console.log(before === after ? 'README.md is up to date' : 'README.md: generated blocks rewritten');
