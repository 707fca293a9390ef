import { createHash } from 'node:crypto';
import { EpisodeValidationError } from './errors.ts';

/**
 * Opaque, integrity-checked list cursors: the position as a base64url JSON array, then a checksum
 * salted with the list's `purpose` (a cursor of one list is refused by another). Not a secret and
 * grants nothing: the lists check the viewer's teams on every page.
 */
const CHECK_LENGTH = 16;

const checksum = (purpose: string, payload: string): string =>
  createHash('sha256').update(`${purpose}:${payload}`).digest('base64url').slice(0, CHECK_LENGTH);

export const sealCursor = (purpose: string, position: readonly (string | number)[]): string => {
  const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
  return `${payload}.${checksum(purpose, payload)}`;
};

/** A validation error naming the cursor argument, what it may be, and why this one is refused. */
export const invalidCursor = (field: string, received: string, why: string): EpisodeValidationError =>
  new EpisodeValidationError([
    {
      field,
      allowed: "a cursor (endCursor or an edge's cursor) from an earlier page of this same list",
      received: received.length > 80 ? `${received.slice(0, 80)}…` : received,
      message: `${field}: ${why}; page again from the start (no ${field}) or pass a cursor this list returned`,
    },
  ]);

/**
 * The position a cursor of this list holds (still to be checked for its shape), or a validation
 * error: `notThisList` when its checksum does not match, "cannot be read" when it is no JSON.
 */
export const openCursor = (purpose: string, cursor: string, field: string, notThisList: string): unknown => {
  const [payload = '', check = '', ...rest] = cursor.split('.');
  if (rest.length > 0 || payload === '' || check !== checksum(purpose, payload))
    throw invalidCursor(field, cursor, notThisList);
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor(field, cursor, 'this cursor cannot be read');
  }
};
