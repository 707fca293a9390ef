import { GraphQLObjectType, GraphQLSchema, type GraphQLFieldConfigMap } from 'graphql';

/**
 * The operations anyone may call without signing in (POST /public/graphql): the contract's
 * calculators, the other rule calculators, the reference data and the health check. Every one is a
 * query that reads no episode.
 */
export const PUBLIC_QUERY_FIELDS = [
  'apheresisReadiness',
  'carePlan',
  'cellDoseCheck',
  'crsSuspicion',
  'eligibilityCheck',
  'followUpSchedule',
  'gradeCrs',
  'gradeIcans',
  'health',
  'hlhCheck',
  'immunoglobulinAdvice',
  'indicationCheck',
  'infectionProphylaxis',
  'infusionWindow',
  'lymphodepletionPlan',
  'lymphodepletionRegimens',
  'maintenanceAdvice',
  'premedicationCheck',
  'referenceStudies',
  'relapseOptions',
  'responseAssessment',
  'seizureProphylaxis',
  'tocilizumabDose',
] as const;

/**
 * The public schema within a whole one: Query with the public fields only, and the types they
 * reach; no mutations, no subscriptions. The local server serves this on /public/graphql; the
 * public function builds only the public types (schema/public.ts) and gets the same schema.
 */
export const publicSchemaOf = (schema: GraphQLSchema): GraphQLSchema => {
  const query = schema.getQueryType();
  if (!query) throw new Error('The schema has no Query type');
  const config = query.toConfig();
  const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
  const missing: string[] = [];
  for (const name of PUBLIC_QUERY_FIELDS) {
    const field = config.fields[name];
    if (field) fields[name] = field;
    else missing.push(name);
  }
  if (missing.length > 0) throw new Error(`The schema lacks the public queries ${missing.join(', ')}`);
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      ...config,
      interfaces: [],
      fields,
    }),
  });
};
