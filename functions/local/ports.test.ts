import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, portProblem } from './ports.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

const occupy = async (port: number): Promise<void> => {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, resolve));
};

describe('the port check before npm start starts anything', () => {
  it('passes a free port', async () => {
    expect(await portProblem(await freePort())).toBeUndefined();
  });

  it('says in one sentence that a busy port is taken and how to choose another', async () => {
    const port = await freePort();
    await occupy(port);
    expect(await portProblem(port)).toBe(
      `Port ${port} is already in use (another \`npm start\`?): stop what holds it, or choose another port with PORT, e.g. \`PORT=4100 npm start\`.`,
    );
  });
});
