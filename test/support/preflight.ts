import { exitOnPreflightProblem } from '../../functions/local/preflight.ts';

/** Before `vitest run`: stop with one sentence when Node 24 or Java 17+ is missing. */
exitOnPreflightProblem();
