import { mkdirSync, writeFileSync } from 'node:fs';
import { renderRuleCatalogue } from '../../rules/index.ts';

/** `npm run docs:rules`: writes docs/rules.md from the rules' own definitions (a test fails on drift). */
mkdirSync(new URL('../../docs/', import.meta.url), { recursive: true });
writeFileSync(new URL('../../docs/rules.md', import.meta.url), renderRuleCatalogue());
process.stdout.write('docs/rules.md written\n');
