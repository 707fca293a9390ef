import { describe, expect, it } from 'vitest';
import { synthStage } from './support/cart-app.ts';

/** Asset hashes change with every code change; the template around them is what is reviewed. */
const normaliseAssetHashes = (template: unknown): unknown =>
  JSON.parse(JSON.stringify(template).replace(/[0-9a-f]{64}/g, '<asset-hash>'));

describe.each(['dev', 'prod'])('%s stack template', (stage) => {
  it('matches the reviewed snapshot', () => {
    const { template } = synthStage(stage);
    expect(normaliseAssetHashes(template.toJSON())).toMatchSnapshot();
  });
});
