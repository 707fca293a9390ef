import type { Language } from '#rules';
import type { ChartResponse } from './chart-function.ts';
import type { ChartRequest } from './chart-request.ts';

/**
 * How the GraphQL, Slack and alert functions reach the chart function without bundling it
 * (ECharts, resvg and the font stay in the chart function's own bundle): deployed, a Lambda
 * Invoke of CHART_FUNCTION_NAME (@aws-sdk/client-lambda, imported on first use; the runtime
 * provides it, so it is not bundled either); locally, the chart handler's code in this process,
 * registered by the local system. Nothing here imports the rendering code.
 */
export type ChartInvoker = {
  /** Renders and answers (Lambda RequestResponse). */
  render(request: ChartRequest): Promise<ChartResponse>;
  /** Starts a render that uploads to Slack and returns at once (Lambda Event: the caller does not wait). */
  start(request: ChartRequest): Promise<void>;
};

type InvokeClient = {
  send(command: unknown): Promise<{ Payload?: Uint8Array; FunctionError?: string; StatusCode?: number }>;
};

/** The deployed chart function, invoked through the Lambda API. */
export const lambdaChartInvoker = (functionName: string): ChartInvoker => {
  let client: Promise<{ client: InvokeClient; InvokeCommand: new (input: object) => unknown }> | undefined;
  const lambda = () =>
    (client ??= import('@aws-sdk/client-lambda').then(({ LambdaClient, InvokeCommand }) => ({
      client: new LambdaClient({}) as unknown as InvokeClient,
      InvokeCommand: InvokeCommand as unknown as new (input: object) => unknown,
    })));
  const invoke = async (request: ChartRequest, type: 'RequestResponse' | 'Event') => {
    const { client: c, InvokeCommand } = await lambda();
    return c.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: type,
        Payload: new TextEncoder().encode(JSON.stringify(request)),
      }),
    );
  };
  return {
    render: async (request) => {
      const result = await invoke(request, 'RequestResponse');
      const text = new TextDecoder().decode(result.Payload ?? new Uint8Array());
      if (result.FunctionError) throw new Error(`chart function failed: ${text.slice(0, 300)}`);
      return JSON.parse(text) as ChartResponse;
    },
    start: async (request) => {
      const result = await invoke(request, 'Event');
      if (result.StatusCode !== 202)
        throw new Error(`chart function not started (status ${result.StatusCode ?? '?'})`);
    },
  };
};

/** The chart handler's code in this process (the local system); `start` does not wait for the upload. */
export const inProcessChartInvoker = (
  handler: (request: unknown) => Promise<ChartResponse>,
  onBackgroundError: (error: unknown) => void = (error) => {
    console.error(`chart upload failed: ${String(error)}`);
  },
): ChartInvoker => ({
  render: (request) => handler(request),
  start: (request) => {
    void handler(request).then((response) => {
      if (!response.ok) onBackgroundError(new Error(response.error.message));
    }, onBackgroundError);
    return Promise.resolve();
  },
});

/** No chart function is configured here (the public calculators' function, a test without one). */
export class ChartUnavailableError extends Error {
  constructor() {
    super('Charts are not available here: no chart function is configured');
    this.name = 'ChartUnavailableError';
  }
}

let registered: ChartInvoker | undefined;

/** The local system registers the in-process chart function here (never done on Lambda). */
export const registerLocalChartInvoker = (invoker: ChartInvoker | undefined): void => {
  registered = invoker;
};

/** The chart function as configured: CHART_FUNCTION_NAME deployed, the registered one locally, else none. */
export const chartInvokerFromEnv = (env: NodeJS.ProcessEnv = process.env): ChartInvoker | undefined => {
  const name = env.CHART_FUNCTION_NAME;
  if (name) return (cachedLambda ??= { name, invoker: lambdaChartInvoker(name) }).invoker;
  return registered;
};
let cachedLambda: { readonly name: string; readonly invoker: ChartInvoker } | undefined;

/** What Slack and the alert pipeline ask for: a chart posted to a channel (or thread), in the background. */
export type ChartDeliveryRequest = {
  readonly episodeId: string;
  readonly hours: number;
  readonly channel: string;
  readonly threadTs?: string | undefined;
  readonly language: Language;
};

export const chartDelivery = (invoker: () => ChartInvoker | undefined) => ({
  available: (): boolean => invoker() !== undefined,
  deliver: async (request: ChartDeliveryRequest): Promise<void> => {
    const charts = invoker();
    if (!charts) throw new ChartUnavailableError();
    await charts.start({
      episodeId: request.episodeId,
      hours: request.hours,
      format: 'png',
      slack: {
        channel: request.channel,
        ...(request.threadTs ? { threadTs: request.threadTs } : {}),
        language: request.language,
      },
    });
  },
});
