import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { EpisodeValidationError } from '#episodes';
import { NODE_ID_ALLOWED, parseNodeId, recordIdFrom } from './node-ids.ts';

const RECORD = '01J8Z3K4M5N6P7Q8R9S0T1V2W3';
const SORT_KEY = `OBS#2026-03-01T08:00:00.000Z#${RECORD}`;

const refusal = (raw: string): EpisodeValidationError => {
  try {
    parseNodeId(raw);
  } catch (error) {
    if (error instanceof EpisodeValidationError) return error;
    throw error;
  }
  throw new Error(`accepted ${raw}`);
};

describe('node ids', () => {
  it('accept the short ids clinicians see and global ids of every node type', () => {
    expect(parseNodeId('EP-12')).toEqual({ type: 'Episode', episodeId: 'EP-12' });
    expect(parseNodeId(` EP-12/${RECORD} `)).toEqual({
      type: 'ShortRecord',
      episodeId: 'EP-12',
      recordId: RECORD,
    });
    expect(parseNodeId(encodeGlobalID('Episode', 'EP-12'))).toEqual({ type: 'Episode', episodeId: 'EP-12' });
    for (const type of [
      'VitalsObservation',
      'NeuroAssessment',
      'LabResult',
      'DoseAdministration',
      'DeathRecord',
      'Grading',
      'Alert',
    ] as const)
      expect(parseNodeId(encodeGlobalID(type, `EP-12/${SORT_KEY}`))).toEqual({
        type,
        episodeId: 'EP-12',
        sortKey: SORT_KEY,
      });
  });

  it.each([
    ['garbage', 'neither a short id nor a global id'],
    [RECORD, `prefix it, e.g. "EP-12/${RECORD}"`],
    ['EP-0', 'a number from 1, e.g. "EP-12"'],
    ['ep-12', 'e.g. "EP-12"'],
    [encodeGlobalID('Viewer', 'me'), 'type Viewer, which cannot be refetched'],
    [encodeGlobalID('Episode', 'patient-42'), 'not an episode id'],
    [encodeGlobalID('Alert', `EP-12/META`), 'does not carry its episode and key'],
    [encodeGlobalID('Alert', `EP-12/IDEMP#x#${RECORD}`), 'does not carry its episode and key'],
  ])('refuse %s, saying what is accepted and why', (raw, why) => {
    const error = refusal(raw);
    expect(error.issues).toEqual([
      expect.objectContaining({ field: 'id', allowed: NODE_ID_ALLOWED, received: raw }),
    ]);
    expect(error.message).toContain(why);
    expect(error.message).toContain('"EP-12/01J…"');
    expect(error.message).not.toMatch(/^Invalid global ID/);
  });

  it('recordIdFrom takes a record id or the global id of a record or alert', () => {
    expect(recordIdFrom(RECORD)).toBe(RECORD);
    expect(recordIdFrom(encodeGlobalID('Alert', `EP-12/ALERT#2026-03-01T08:00:00.000Z#${RECORD}`))).toBe(
      RECORD,
    );
    expect(recordIdFrom(encodeGlobalID('Episode', 'EP-12'))).toBe(encodeGlobalID('Episode', 'EP-12'));
    expect(recordIdFrom('nonsense')).toBe('nonsense');
  });
});
