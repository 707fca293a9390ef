import { describe, expect, it } from 'vitest';
import { checkPremedication } from './premedication.ts';

describe('INF-4 premedication', () => {
  it('a corticosteroid premedication → WARN: not recommended', () => {
    const result = checkPremedication({ steroidPremedication: true });
    expect(result.outcome.status).toBe('WARN');
    expect(result.recommendations[0]?.text.zh).toBe('不推荐CAR-T细胞输注前予糖皮质激素预防过敏反应');
  });
  it('none → OK; not recorded → UNKNOWN; vital signs from before infusion in every case', () => {
    expect(checkPremedication({ steroidPremedication: false }).outcome.status).toBe('OK');
    expect(checkPremedication().outcome).toEqual({ status: 'UNKNOWN', needs: ['steroidPremedication'] });
    for (const input of [{}, { steroidPremedication: true }, { steroidPremedication: false }]) {
      expect(checkPremedication(input).recommendations.at(-1)?.text.zh).toBe(
        'CAR-T细胞输注前开始进行生命体征监测',
      );
    }
  });
});
