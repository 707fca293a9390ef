import { spawnSync } from 'node:child_process';

/** The Node major the whole project runs on (Lambda's runtime too). */
export const REQUIRED_NODE_MAJOR = 24;
export const REQUIRED_JAVA_MAJOR = 17;

/** One sentence when this Node is not the project's, else undefined. */
export const nodeProblem = (version: string = process.versions.node): string | undefined => {
  const major = Number(version.split('.')[0]);
  return major === REQUIRED_NODE_MAJOR
    ? undefined
    : `This project runs on Node ${REQUIRED_NODE_MAJOR} but Node ${version} is running: use the npm scripts (npm start, npm test), which put the pinned Node ${REQUIRED_NODE_MAJOR} from node_modules first on PATH, or install Node ${REQUIRED_NODE_MAJOR} on this platform.`;
};

/** The Java major version from `java -version` output (handles the old "1.8" scheme). */
export const javaMajorFrom = (versionOutput: string): number | undefined => {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
};

/** One sentence when Java 17+ (needed by DynamoDB Local) is missing, else undefined. */
export const javaProblem = (
  run = () => spawnSync('java', ['-version'], { encoding: 'utf8' }),
): string | undefined => {
  const result = run();
  if (result.error) {
    return `Java ${REQUIRED_JAVA_MAJOR} or newer is required to run DynamoDB Local, the local database, but no \`java\` command was found: install a JDK or JRE ${REQUIRED_JAVA_MAJOR}+ (for example \`sudo apt-get install openjdk-17-jre-headless\`) and run the command again.`;
  }
  const major = javaMajorFrom(`${result.stderr}${result.stdout}`);
  if (major === undefined || major < REQUIRED_JAVA_MAJOR) {
    return `Java ${REQUIRED_JAVA_MAJOR} or newer is required to run DynamoDB Local, the local database, but \`java -version\` reports ${major === undefined ? 'an unknown version' : `Java ${major}`}: install Java ${REQUIRED_JAVA_MAJOR}+ and run the command again.`;
  }
  return undefined;
};

/** Prints the first problem as one sentence and exits 1; returns when all is well. */
export const exitOnPreflightProblem = (): void => {
  const problem = nodeProblem() ?? javaProblem();
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
};
