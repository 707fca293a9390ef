/**
 * Warnings and errors the handlers print (console.warn / console.error) while a benchmark runs in
 * the same process: counted by message instead of breaking the printed tables, then reported.
 */
import { format } from 'node:util';

export type LogCapture = {
  /** Message (first line, shortened) → how many times it was printed, since the last take(). */
  take(): Map<string, number>;
  restore(): void;
};

export const captureHandlerLogs = (): LogCapture => {
  const original = { warn: console.warn, error: console.error };
  let counts = new Map<string, number>();
  const count = (...args: unknown[]) => {
    const line = (format(...args).split('\n')[0] ?? '').trim().slice(0, 160);
    counts.set(line, (counts.get(line) ?? 0) + 1);
  };
  console.warn = count;
  console.error = count;
  return {
    take: () => {
      const taken = counts;
      counts = new Map();
      return taken;
    },
    restore: () => {
      console.warn = original.warn;
      console.error = original.error;
    },
  };
};

/** "  logged: 4× …" lines, most frequent first. */
export const loggedLines = (counts: Map<string, number>, indent = '  '): string[] =>
  [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([line, times]) => `${indent}logged ${times}×: ${line}`);
