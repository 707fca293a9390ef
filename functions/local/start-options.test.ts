import { describe, expect, it } from 'vitest';
import { parseStartOptions } from './start-options.ts';

describe('npm start options', () => {
  it('serves on 4000, in memory, with its own DynamoDB Local by default', () => {
    expect(parseStartOptions([], {})).toEqual({
      kind: 'options',
      options: { port: 4000, persist: false, dynamoDbEndpoint: undefined },
    });
  });

  it('takes PORT, --persist or LOCAL_PERSIST=1, and DYNAMODB_ENDPOINT', () => {
    expect(parseStartOptions(['--persist'], { PORT: '4100' })).toMatchObject({
      options: { port: 4100, persist: true },
    });
    expect(parseStartOptions([], { LOCAL_PERSIST: '1' })).toMatchObject({ options: { persist: true } });
    expect(parseStartOptions([], { DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000/' })).toMatchObject({
      options: { dynamoDbEndpoint: 'http://127.0.0.1:8000' },
    });
  });

  it('accepts ports 1 and 65535 and refuses 0 and 65536', () => {
    expect(parseStartOptions([], { PORT: '1' })).toMatchObject({ options: { port: 1 } });
    expect(parseStartOptions([], { PORT: '65535' })).toMatchObject({ options: { port: 65_535 } });
    for (const port of ['0', '65536', '40OO', ' '])
      expect(parseStartOptions([], { PORT: port })).toEqual({
        kind: 'error',
        message: `PORT must be a whole number from 1 to 65535; received ${JSON.stringify(port)}.`,
      });
  });

  it('asks for help with --help or -h, and refuses anything else in one sentence', () => {
    expect(parseStartOptions(['--help'], {})).toEqual({ kind: 'help' });
    expect(parseStartOptions(['-h'], {})).toEqual({ kind: 'help' });
    expect(parseStartOptions(['--persit'], {})).toEqual({
      kind: 'error',
      message: "Unknown option '--persit'.",
    });
    expect(parseStartOptions([], { DYNAMODB_ENDPOINT: '127.0.0.1:8000' })).toEqual({
      kind: 'error',
      message: 'DYNAMODB_ENDPOINT must be an http:// or https:// URL; received "127.0.0.1:8000".',
    });
  });
});
