import {
  buildSchema,
  GraphQLInterfaceType,
  GraphQLObjectType,
  isEnumType,
  isObjectType,
  isUnionType,
  validateSchema,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schema } from './index.ts';

/**
 * What Relay and graphql-codegen need from the schema, checked with graphql-js itself on the
 * executable schema and on the committed SDL (what the tools read).
 */
const sdl = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');
const fromSdl = buildSchema(sdl);

const NODE_TYPES = [
  'Episode',
  'VitalsObservation',
  'NeuroAssessment',
  'LabResult',
  'DoseAdministration',
  'DeathRecord',
  'Grading',
  'Alert',
];

describe('the schema for Relay and codegen', () => {
  it('is valid, as built and as printed', () => {
    expect(validateSchema(schema).map((e) => e.message)).toEqual([]);
    expect(validateSchema(fromSdl).map((e) => e.message)).toEqual([]);
  });

  it('has the Node interface with id: ID!, and every node type (each record, grading, alert) implements it with id: ID!', () => {
    const node = fromSdl.getType('Node');
    expect(node).toBeInstanceOf(GraphQLInterfaceType);
    expect(String((node as GraphQLInterfaceType).getFields().id?.type)).toBe('ID!');
    const implementations = fromSdl.getPossibleTypes(node as GraphQLInterfaceType).map((t) => t.name);
    expect([...implementations].sort()).toEqual([...NODE_TYPES].sort());
    for (const name of NODE_TYPES) {
      const type = fromSdl.getType(name) as GraphQLObjectType;
      expect(
        type.getInterfaces().map((i) => i.name),
        name,
      ).toContain('Node');
      expect(String(type.getFields().id?.type), name).toBe('ID!');
    }
    for (const name of ['ClinicalRecord', 'Observation'])
      expect((fromSdl.getType(name) as GraphQLInterfaceType).getInterfaces().map((i) => i.name)).toContain(
        'Node',
      );
  });

  it('has node(id: ID!): Node and nodes(ids: [ID!]!): [Node]! as Relay expects', () => {
    const query = fromSdl.getQueryType()?.getFields();
    expect(String(query?.node?.type)).toBe('Node');
    expect(query?.node?.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(['id: ID!']);
    expect(String(query?.nodes?.type)).toBe('[Node]!');
    expect(query?.nodes?.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(['ids: [ID!]!']);
  });

  it('answers queries over patient data with result unions carrying the typed errors', () => {
    const query = fromSdl.getQueryType()?.getFields();
    const members = (field: string): string[] => {
      const type = String(query?.[field]?.type);
      expect(type.endsWith('!'), field).toBe(true);
      const union = fromSdl.getType(type.slice(0, -1));
      expect(isUnionType(union), field).toBe(true);
      return isUnionType(union)
        ? union
            .getTypes()
            .map((t) => t.name)
            .sort()
        : [];
    };
    expect(members('episode')).toEqual([
      'Episode',
      'ForbiddenError',
      'NotFoundError',
      'StoreUnavailable',
      'ValidationError',
    ]);
    expect(members('episodes')).toEqual([
      'EpisodeConnection',
      'ForbiddenError',
      'StoreUnavailable',
      'ValidationError',
    ]);
    expect(members('nodeResult')).toEqual([
      'ForbiddenError',
      'NodeFound',
      'NotFoundError',
      'StoreUnavailable',
      'ValidationError',
    ]);
    for (const error of ['ForbiddenError', 'NotFoundError', 'StoreUnavailable', 'ValidationError'])
      expect((fromSdl.getType(error) as GraphQLObjectType).getInterfaces().map((i) => i.name)).toContain(
        'Error',
      );
    const issue = (fromSdl.getType('ValidationIssue') as GraphQLObjectType).getFields();
    expect(Object.keys(issue)).toEqual(expect.arrayContaining(['field', 'allowed', 'received', 'message']));
  });

  it('lists episodes with team optional', () => {
    const team = fromSdl
      .getQueryType()
      ?.getFields()
      .episodes?.args.find((a) => a.name === 'team');
    expect(String(team?.type)).toBe('String');
  });

  it.each([
    ['DoseAdministration', 'drug', 'Drug'],
    ['DoseAdministration', 'route', 'DoseRoute'],
    ['Grading', 'status', 'GradingStatus'],
    ['Grading', 'domain', 'GradingDomain'],
    ['CrsEpisode', 'hlhStatus', 'CrsHlhStatus'],
    ['EpisodeTocilizumab', 'totalLimitScope', 'TocilizumabLimitScope'],
    ['Alert', 'level', 'AlertLevel'],
    ['Episode', 'status', 'EpisodeStatus'],
  ])('%s.%s is the enum %s (codegen emits a closed union type)', (typeName, field, enumName) => {
    const type = fromSdl.getType(typeName);
    const fieldType = isObjectType(type) ? String(type.getFields()[field]?.type) : '';
    expect(fieldType.replace(/[![\]]/g, '')).toBe(enumName);
    expect(isEnumType(fromSdl.getType(enumName))).toBe(true);
    expect(sdl).toContain(`enum ${enumName} {`);
  });

  it('Grading.inputs is structured per grading kind (a union), not a JSON string', () => {
    const grading = fromSdl.getType('Grading');
    const inputs = isObjectType(grading) ? String(grading.getFields().inputs?.type) : '';
    expect(inputs).toBe('GradingInputs!');
    const union = fromSdl.getType('GradingInputs');
    expect(isUnionType(union) ? union.getTypes().length : 0).toBeGreaterThan(8);
  });
});
