import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { EpisodeValidationError, type EpisodeRecord } from '#episodes';
import type { InputIssue } from '#rules';

/**
 * The ids a client may refetch a node by. Global ids are Relay's (base64 of "Type:key"); the key of
 * an episode is its short id ("EP-12"), the key of a record, grading or alert is its episode and its
 * place in the episode ("EP-12/OBS#2026-03-01T08:00:00.000Z#01J…"), so a refetch reads that one
 * item. The short ids clinicians see are accepted too: "EP-12", and a record as a Slack reply shows
 * it with its episode ("EP-12/01J…").
 */
export const NODE_TYPES = [
  'Episode',
  'VitalsObservation',
  'NeuroAssessment',
  'LabResult',
  'DoseAdministration',
  'DeathRecord',
  'Grading',
  'Alert',
] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

/** The stored kind each record node type answers. */
export const KIND_OF_TYPE = {
  VitalsObservation: 'VITALS',
  NeuroAssessment: 'NEURO',
  LabResult: 'LAB',
  DoseAdministration: 'DOSE',
  DeathRecord: 'DEATH',
  Grading: 'GRADING',
  Alert: 'ALERT',
} as const satisfies Record<Exclude<NodeTypeName, 'Episode'>, EpisodeRecord['kind']>;

const EPISODE_ID = /^EP-[1-9][0-9]{0,9}$/;
const RECORD_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const RECORD_KEY = /^(?:OBS|DOSE|GRADE|ALERT)#[^/]+#[0-9A-HJKMNP-TV-Z]{26}$/;

/** A node as an id names it. */
export type NodeAddress =
  | { readonly type: 'Episode'; readonly episodeId: string }
  | {
      readonly type: Exclude<NodeTypeName, 'Episode'>;
      readonly episodeId: string;
      readonly sortKey: string;
    }
  /** A short record id: its kind is known once it is read. */
  | { readonly type: 'ShortRecord'; readonly episodeId: string; readonly recordId: string };

/** What node(id:) accepts, in the words of its errors. */
export const NODE_ID_ALLOWED =
  'an episode id ("EP-12"), a record id with its episode as Slack shows it ("EP-12/01J…", 26 characters after the slash), or the `id` of an Episode, VitalsObservation, NeuroAssessment, LabResult, DoseAdministration, DeathRecord, Grading or Alert (a global id)';

/** The key a record, grading or alert node carries in its global id. */
export const recordNodeKey = (item: { readonly episodeId: string; readonly SK: string }): string =>
  `${item.episodeId}/${item.SK}`;

export const recordGlobalId = (
  type: Exclude<NodeTypeName, 'Episode'>,
  item: { readonly episodeId: string; readonly SK: string },
): string => encodeGlobalID(type, recordNodeKey(item));

const refusal = (field: string, received: string, why: string): EpisodeValidationError => {
  const issue: InputIssue = {
    field,
    allowed: NODE_ID_ALLOWED,
    received,
    message: `${field} must be ${NODE_ID_ALLOWED}; received ${JSON.stringify(received)} (${why})`,
  };
  return new EpisodeValidationError([issue]);
};

/** The episode and sort key of a record node's key, or null when it is not one. */
export const parseRecordNodeKey = (key: string): { episodeId: string; sortKey: string } | null => {
  const slash = key.indexOf('/');
  const episodeId = key.slice(0, slash);
  const sortKey = key.slice(slash + 1);
  return slash > 0 && EPISODE_ID.test(episodeId) && RECORD_KEY.test(sortKey) ? { episodeId, sortKey } : null;
};

const isNodeType = (name: string): name is NodeTypeName => (NODE_TYPES as readonly string[]).includes(name);

/**
 * What an id names, or a ValidationError for `field` that says exactly what is accepted and why this
 * id is not (never "Invalid global ID" alone).
 */
export const parseNodeId = (raw: string, field = 'id'): NodeAddress => {
  const id = raw.trim();
  if (EPISODE_ID.test(id)) return { type: 'Episode', episodeId: id };
  const slash = id.indexOf('/');
  if (slash > 0 && EPISODE_ID.test(id.slice(0, slash)) && RECORD_ID.test(id.slice(slash + 1)))
    return { type: 'ShortRecord', episodeId: id.slice(0, slash), recordId: id.slice(slash + 1) };
  if (RECORD_ID.test(id))
    throw refusal(
      field,
      raw,
      'a record id alone does not say its episode: prefix it, e.g. "EP-12/' + id + '"',
    );
  if (/^ep-?\d+$/i.test(id)) {
    const number = Number(id.replace(/\D/g, ''));
    throw refusal(
      field,
      raw,
      `episode ids are written "EP-" and a number from 1, e.g. "EP-${number > 0 ? number : 12}"`,
    );
  }
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(id);
  } catch {
    throw refusal(field, raw, 'it is neither a short id nor a global id');
  }
  if (!isNodeType(decoded.typename))
    throw refusal(field, raw, `it is a global id of type ${decoded.typename}, which cannot be refetched`);
  if (decoded.typename === 'Episode') {
    if (!EPISODE_ID.test(decoded.id))
      throw refusal(
        field,
        raw,
        `the global id names Episode ${JSON.stringify(decoded.id)}, not an episode id`,
      );
    return { type: 'Episode', episodeId: decoded.id };
  }
  const key = parseRecordNodeKey(decoded.id);
  if (key === null)
    throw refusal(field, raw, `the global id of a ${decoded.typename} does not carry its episode and key`);
  return { type: decoded.typename, ...key };
};

/**
 * A record or alert id as a mutation input may give it: the id a reply shows ("01J…"), or the
 * global id of a record or alert node (its `id` field). Anything else is passed on unchanged, so the
 * service reports it as invalid.
 */
export const recordIdFrom = (raw: string): string => {
  if (RECORD_ID.test(raw)) return raw;
  try {
    const { typename, id } = decodeGlobalID(raw);
    if (!isNodeType(typename) || typename === 'Episode') return raw;
    return parseRecordNodeKey(id)?.sortKey.slice(-26) ?? raw;
  } catch {
    return raw;
  }
};
