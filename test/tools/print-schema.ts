import { writeFileSync } from 'node:fs';
import { printedSchema } from '../../schema/index.ts';

/** `npm run schema:print`: writes schema/schema.graphql from code (commit it; a test fails on drift). */
writeFileSync(new URL('../../schema/schema.graphql', import.meta.url), printedSchema());
process.stdout.write('schema/schema.graphql written\n');
