import { createServer } from 'node:net';

/** A TCP port that was free a moment ago on loopback. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });

/**
 * One sentence when `port` cannot be listened on (as the local server listens: every interface),
 * else undefined. Checked before anything starts, so that a busy port costs no JVM start-up.
 */
export const portProblem = (port: number): Promise<string | undefined> =>
  new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EADDRINUSE'
          ? 'is already in use (another `npm start`?)'
          : error.code === 'EACCES'
            ? 'is reserved for privileged processes'
            : `cannot be listened on (${error.code ?? error.message})`;
      resolve(
        `Port ${port} ${why}: stop what holds it, or choose another port with PORT, e.g. \`PORT=${port === 4100 ? 4200 : 4100} npm start\`.`,
      );
    });
    server.listen(port, () => {
      server.close(() => {
        resolve(undefined);
      });
    });
  });
