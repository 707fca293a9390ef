import type { GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import { publicSchemaOf } from './public-operations.ts';
import './types/scalars.ts';
import './types/health.ts';
import './types/calculator-crs.ts';
import './types/calculator-icans.ts';
import './types/calculator-tocilizumab.ts';
import './types/calculator-lymphodepletion.ts';
import './types/reference-data.ts';
import './types/calculator-follow-up.ts';
import './types/calculator-eligibility.ts';
import './types/calculator-apheresis.ts';
import './types/calculator-infusion.ts';
import './types/calculator-immunoglobulin.ts';
import './types/calculator-relapse.ts';
import './types/calculator-infection.ts';
import './types/calculator-seizure-prophylaxis.ts';
import './types/calculator-cell-dose.ts';
import './types/calculator-premedication.ts';
import './types/calculator-response.ts';
import './types/calculator-maintenance.ts';
import './types/calculator-indication.ts';
import './types/calculator-crs-suspicion.ts';
import './types/calculator-hlh.ts';
import './types/calculator-care-plan.ts';

/**
 * The public calculators' executable schema (the public function, functions/graphql/public-handler.ts):
 * only the public type files are registered on the builder, so a cold start builds a third of the
 * types. Import it in a process that does not import schema/index.ts (both register on the one
 * builder); a process serving both routes derives this schema with publicSchemaOf(schema).
 * schema/public-schema.graphql is its printed form: schema/public.test.ts checks this build against
 * it, schema/schema.test.ts checks the derived one.
 */
export const publicSchema: GraphQLSchema = publicSchemaOf(builder.toSchema({ sortSchema: false }));
