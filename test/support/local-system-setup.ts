import type { TestProject } from 'vitest/node';
import { startSystemProcess } from './local-system-process.ts';

/** Starts the local system once for the end-to-end run, exactly as `npm start` does. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const system = await startSystemProcess();
  project.provide('baseUrl', system.baseUrl);
  project.provide('slackSigningSecret', system.signingSecret);
  project.provide('localAuthKeyFile', system.keyFile);
  return async () => {
    await system.stop();
  };
}

declare module 'vitest' {
  // Declaration merging needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    baseUrl: string;
    slackSigningSecret: string;
    localAuthKeyFile: string;
  }
}
