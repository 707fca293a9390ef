/**
 * A recording HTTP proxy in front of DynamoDB Local: the local system is pointed at it (its
 * DYNAMODB_ENDPOINT), so every call any handler makes passes through it, whatever client or
 * repository code makes the call. For each call it records the operation (X-Amz-Target), the
 * capacity consumed (it adds ReturnConsumedCapacity=TOTAL to every request that accepts it and
 * reads ConsumedCapacity from the answer), the items a read returned and the bytes answered.
 * The answer is passed back unchanged.
 */
import { createServer, request as httpRequest, Agent, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Operations that accept ReturnConsumedCapacity, and whether they read or write. */
const CAPACITY_OPERATIONS: Readonly<Record<string, 'read' | 'write'>> = {
  GetItem: 'read',
  BatchGetItem: 'read',
  Query: 'read',
  Scan: 'read',
  TransactGetItems: 'read',
  PutItem: 'write',
  UpdateItem: 'write',
  DeleteItem: 'write',
  BatchWriteItem: 'write',
  TransactWriteItems: 'write',
};

export type DynamoCall = {
  /** e.g. "Query", "TransactWriteItems", or "Streams.GetRecords" for the stream API. */
  readonly operation: string;
  readonly status: number;
  /** The error type DynamoDB answered (e.g. "TransactionCanceledException"), if any. */
  readonly error: string | undefined;
  readonly readUnits: number;
  readonly writeUnits: number;
  /** Items a Query/Scan/Get returned. */
  readonly items: number;
  readonly responseBytes: number;
  readonly ms: number;
};

type Capacity = { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number };

const capacityOf = (consumed: Capacity | Capacity[] | undefined, kind: 'read' | 'write') => {
  let read = 0;
  let write = 0;
  for (const entry of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
    const units = entry.CapacityUnits ?? 0;
    if (entry.ReadCapacityUnits !== undefined || entry.WriteCapacityUnits !== undefined) {
      read += entry.ReadCapacityUnits ?? 0;
      write += entry.WriteCapacityUnits ?? 0;
    } else if (kind === 'read') read += units;
    else write += units;
  }
  return { read, write };
};

const operationOf = (headers: IncomingHttpHeaders): string => {
  const target = String(headers['x-amz-target'] ?? '');
  const [service = '', operation = target] = target.split('.');
  return service.startsWith('DynamoDBStreams') ? `Streams.${operation}` : operation;
};

const parseJson = (body: Buffer): Record<string, unknown> => {
  try {
    return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
};

export type DynamoRecorder = {
  readonly endpoint: string;
  /** Every call so far, in the order they were answered. */
  readonly calls: readonly DynamoCall[];
  close(): Promise<void>;
};

export const startDynamoRecorder = async (upstreamEndpoint: string): Promise<DynamoRecorder> => {
  const upstream = new URL(upstreamEndpoint);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const calls: DynamoCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const started = performance.now();
      const operation = operationOf(req.headers);
      const kind = CAPACITY_OPERATIONS[operation];
      let body = Buffer.concat(chunks);
      if (kind) {
        const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        json.ReturnConsumedCapacity = 'TOTAL';
        body = Buffer.from(JSON.stringify(json));
      }
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host, 'content-length': String(body.length) },
          agent,
        },
        (answer) => {
          const answerChunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
          answer.on('end', () => {
            const answerBody = Buffer.concat(answerChunks);
            const parsed = parseJson(answerBody);
            const status = answer.statusCode ?? 0;
            const capacity = kind
              ? capacityOf(parsed.ConsumedCapacity as Capacity | Capacity[] | undefined, kind)
              : { read: 0, write: 0 };
            const items =
              typeof parsed.Count === 'number'
                ? parsed.Count
                : Array.isArray(parsed.Records)
                  ? parsed.Records.length
                  : parsed.Item
                    ? 1
                    : 0;
            calls.push({
              operation,
              status,
              error:
                status >= 400
                  ? typeof parsed.__type === 'string'
                    ? parsed.__type.split('#').pop()
                    : 'error'
                  : undefined,
              readUnits: capacity.read,
              writeUnits: capacity.write,
              items,
              responseBytes: answerBody.length,
              ms: performance.now() - started,
            });
            res.writeHead(status, answer.headers);
            res.end(answerBody);
          });
        },
      );
      forward.on('error', (error) => {
        calls.push({
          operation,
          status: 502,
          error: error.message,
          readUnits: 0,
          writeUnits: 0,
          items: 0,
          responseBytes: 0,
          ms: performance.now() - started,
        });
        res.writeHead(502);
        res.end();
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      agent.destroy();
    },
  };
};

/** The calls of a window, the stream API's polling left out. */
export type CallSummary = {
  /** Operation → count, e.g. { Query: 12, TransactWriteItems: 1 }. */
  readonly operations: Readonly<Record<string, number>>;
  readonly calls: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  readonly itemsRead: number;
  readonly bytesRead: number;
  /** Time spent waiting for DynamoDB (the calls' durations added up). */
  readonly dynamoMs: number;
  readonly errors: number;
};

export const summariseCalls = (calls: readonly DynamoCall[]): CallSummary => {
  const table = calls.filter((call) => !call.operation.startsWith('Streams.'));
  const operations: Record<string, number> = {};
  for (const call of table) operations[call.operation] = (operations[call.operation] ?? 0) + 1;
  const sum = (pick: (call: DynamoCall) => number) => table.reduce((total, call) => total + pick(call), 0);
  return {
    operations,
    calls: table.length,
    readUnits: sum((c) => c.readUnits),
    writeUnits: sum((c) => c.writeUnits),
    itemsRead: sum((c) => (CAPACITY_OPERATIONS[c.operation] === 'read' ? c.items : 0)),
    bytesRead: sum((c) => (CAPACITY_OPERATIONS[c.operation] === 'read' ? c.responseBytes : 0)),
    dynamoMs: sum((c) => c.ms),
    errors: table.filter((c) => c.error !== undefined).length,
  };
};

/** "Query×12 TransactWriteItems×1". */
export const operationsText = (summary: CallSummary): string =>
  Object.entries(summary.operations)
    .map(([operation, count]) => `${operation}×${count}`)
    .join(' ') || '—';
