import { writeFileSync } from 'node:fs';
import { printedPublicSchema, printedSchema } from '../../schema/index.ts';

/**
 * `npm run schema:print`: writes schema/schema.graphql and schema/public-schema.graphql from code
 * (commit them; tests fail on drift).
 */
writeFileSync(new URL('../../schema/schema.graphql', import.meta.url), printedSchema());
writeFileSync(new URL('../../schema/public-schema.graphql', import.meta.url), printedPublicSchema());
process.stdout.write('schema/schema.graphql and schema/public-schema.graphql written\n');
