/**
 * The runtime's own Fetch API (Node 24), for yoga and @whatwg-node/server: without it they build
 * requests and responses with @whatwg-node/node-fetch's ponyfills. Listed one by one because the
 * globals are not enumerable, so `globalThis` itself would give yoga nothing. The Lambda bundle
 * also leaves the ponyfills out (infra/lambda-bundling.ts), so the local server, the tests and the
 * deployed function all run these same classes.
 */
export const nativeFetchAPI = {
  fetch: globalThis.fetch,
  Request: globalThis.Request,
  Response: globalThis.Response,
  Headers: globalThis.Headers,
  FormData: globalThis.FormData,
  ReadableStream: globalThis.ReadableStream,
  WritableStream: globalThis.WritableStream,
  TransformStream: globalThis.TransformStream,
  CompressionStream: globalThis.CompressionStream,
  DecompressionStream: globalThis.DecompressionStream,
  TextDecoderStream: globalThis.TextDecoderStream,
  TextEncoderStream: globalThis.TextEncoderStream,
  Blob: globalThis.Blob,
  File: globalThis.File,
  crypto: globalThis.crypto,
  btoa: globalThis.btoa,
  TextEncoder: globalThis.TextEncoder,
  TextDecoder: globalThis.TextDecoder,
  URL: globalThis.URL,
  URLSearchParams: globalThis.URLSearchParams,
  URLPattern: globalThis.URLPattern,
} as const;
