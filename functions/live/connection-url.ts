/**
 * How a client connects for live updates, locally and deployed alike:
 * `ws(s)://<host>/graphql?token=<JWT>` with the graphql-ws subprotocol (graphql-transport-ws).
 * The token is a query parameter because browsers cannot set headers on a WebSocket.
 */
export const LIVE_UPDATES_PATH = '/graphql';
export const LIVE_TOKEN_PARAMETER = 'token';
