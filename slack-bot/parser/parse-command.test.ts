import { describe, expect, it } from 'vitest';
import { parseCart, type ParseResult } from './parse-command.ts';

const context = { now: new Date('2026-03-03T02:00:00.000Z'), today: '2026-03-03', command: '/cart' };
const parse = (text: string): ParseResult => parseCart(text, context);

const command = (text: string) => {
  const result = parse(text);
  if (!result.ok)
    throw new Error(`expected ${text} to parse: ${result.problems.map((p) => p.text.en).join('; ')}`);
  return result.command;
};
const problemsOf = (text: string) => {
  const result = parse(text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return result.problems;
};

describe('vitals', () => {
  it('reads the README example into the service fields', () => {
    expect(command('vitals EP-1 t=38.9 sbp=84 o2=nc:4')).toEqual({
      name: 'vitals',
      episodeId: 'EP-1',
      values: { temperatureCelsius: 38.9, systolicBp: 84, oxygen: 'NASAL_CANNULA', oxygenFlowLpm: 4 },
    });
  });

  it('accepts synonyms in English and Chinese, flags, blood pressure, units and a time ago', () => {
    expect(
      command('v ep1 体温=101.2F bp=84/50 pulse=124 sat=95% vaso=ne,vp hypotension organ=no at=-30m'),
    ).toEqual({
      name: 'vitals',
      episodeId: 'EP-1',
      values: {
        temperatureCelsius: 38.4,
        systolicBp: 84,
        diastolicBp: 50,
        heartRate: 124,
        spo2Percent: 95,
        vasopressors: ['NOREPINEPHRINE', 'VASOPRESSIN'],
        hypotension: true,
        organToxicity: false,
        measuredAt: '2026-03-03T01:30:00.000Z',
      },
    });
  });

  it('accepts key:value, full-width ＝ and Slack-escaped text', () => {
    expect(command('vitals EP-2 t:38.9 sbp＝84')).toMatchObject({
      values: { temperatureCelsius: 38.9, systolicBp: 84 },
    });
  });

  it('with no values asks for the form (values null)', () => {
    expect(command('vitals EP-3')).toEqual({ name: 'vitals', episodeId: 'EP-3', values: null });
  });

  it('a typo gets a specific correction and nothing is parsed', () => {
    const [problem, ...others] = problemsOf('vitals EP-1 tmp=38.9 sbp=84');
    expect(others).toEqual([]);
    expect(problem?.text.en).toBe('unknown field `tmp`; did you mean `temp`?');
    expect(problem).toMatchObject({ code: 'unknown-field', received: 'tmp', suggestion: 'temp' });
    expect(problem?.text.zh).toContain('`temp`');
  });

  it('a misspelt flag written alone gets a correction too', () => {
    expect(problemsOf('vitals EP-1 hypotensoin')[0]?.suggestion).toBe('hypotension');
  });

  it('refuses an ambiguous °F temperature, a repeated field, and a time alone', () => {
    expect(problemsOf('vitals EP-1 t=101.2')[0]).toMatchObject({ code: 'ambiguous-unit', field: 'temp' });
    expect(problemsOf('vitals EP-1 t=38 temp=39')[0]).toMatchObject({ code: 'duplicate', field: 'temp' });
    expect(problemsOf('vitals EP-1 at=-10m')[0]).toMatchObject({ code: 'missing' });
  });

  it('reports every problem at once', () => {
    expect(problemsOf('vitals EP-1 tmp=38.9 o2=4 vaso=ne:0.1').map((p) => p.code)).toEqual([
      'unknown-field',
      'invalid-value',
      'invalid-value',
    ]);
  });

  it('needs a valid episode id', () => {
    expect(problemsOf('vitals t=38.9')[0]).toMatchObject({ code: 'missing', field: 'episode id' });
    expect(problemsOf('vitals EP-0 t=38.9')[0]).toMatchObject({ code: 'invalid-value', field: 'episode' });
    expect(problemsOf('vitals P-0001 t=38.9')[0]).toMatchObject({ code: 'invalid-value' });
  });
});

describe('neuro and icans', () => {
  it('reads ICE, consciousness and seizure', () => {
    expect(command('neuro EP-4 ice=4,3,1,0,0 loc=voice seizure=brief')).toEqual({
      name: 'neuro',
      episodeId: 'EP-4',
      values: {
        ice: { orientation: 4, naming: 3, followsCommands: 1, writing: 0, attention: 0 },
        consciousness: 'AWAKENS_TO_VOICE',
        seizure: 'RAPIDLY_RESOLVING',
      },
    });
  });

  it('combines the five ICE tasks given one by one, and names the missing ones', () => {
    expect(command('icans orient=4 naming=3 commands=1 writing=1 attention=0 crs=2 w=70')).toEqual({
      name: 'icans',
      input: {
        ice: { orientation: 4, naming: 3, followsCommands: 1, writing: 1, attention: 0 },
        concurrentCrsGrade: 2,
        weightKg: 70,
      },
    });
    expect(problemsOf('icans orient=4 naming=3')[0]?.text.en).toContain(
      'followsCommands, writing, attention',
    );
    expect(problemsOf('icans ice=4,3,1,1,1 orient=4')[0]).toMatchObject({ code: 'duplicate', field: 'ice' });
  });

  it('suggests the nearest consciousness level', () => {
    expect(problemsOf('neuro EP-1 loc=voise')[0]).toMatchObject({
      code: 'invalid-value',
      suggestion: 'voice',
    });
  });
});

describe('other subcommands', () => {
  it('new: patient ref, weight, height, product alias and dates', () => {
    expect(command('new P-0001 w=70 h=170 product=ide-cel infusion=today ldstart=-5d ldend=-3d')).toEqual({
      name: 'new',
      input: {
        patientRef: 'P-0001',
        weightKg: 70,
        heightCm: 170,
        product: 'KARMMA',
        infusionDate: '2026-03-03',
        lymphodepletionStartDate: '2026-02-26',
        lymphodepletionEndDate: '2026-02-28',
      },
    });
    expect(problemsOf('new w=70')[0]).toMatchObject({ code: 'missing', field: 'patient ref' });
  });

  it('toci: check, or give with a dose; a dose without give is refused', () => {
    expect(command('toci EP-1')).toEqual({ name: 'toci', episodeId: 'EP-1', give: false, values: {} });
    expect(command('toci EP-1 give mg=560 at=-15m')).toEqual({
      name: 'toci',
      episodeId: 'EP-1',
      give: true,
      values: { mg: 560, givenAt: '2026-03-03T01:45:00.000Z' },
    });
    expect(problemsOf('toci EP-1 mg=560')[0]?.code).toBe('unexpected');
  });

  it('crs and ld without an episode', () => {
    expect(command('crs t=38.9 sbp=84 o2=nc:4 w=70')).toEqual({
      name: 'crs',
      input: {
        temperatureCelsius: 38.9,
        systolicBp: 84,
        oxygen: 'NASAL_CANNULA',
        oxygenFlowLpm: 4,
        weightKg: 70,
      },
    });
    expect(problemsOf('crs t=38.9 bp=84/50')[0]?.text.en).toBe('unknown field `bp`; did you mean `sbp`?');
    expect(command('ld cilta-cel h=170 w=70 infusion=2026-03-10')).toEqual({
      name: 'ld',
      input: { product: 'CARTITUDE_1', heightCm: 170, weightKg: 70, infusionDate: '2026-03-10' },
    });
  });

  it('status, list, lang and setup', () => {
    expect(command('status ep-12')).toEqual({ name: 'status', episodeId: 'EP-12' });
    expect(command('list')).toEqual({ name: 'list' });
    expect(command('lang 中文')).toEqual({ name: 'lang', language: 'zh-CN' });
    expect(command('lang en')).toEqual({ name: 'lang', language: 'en' });
    expect(problemsOf('lang fr')[0]).toMatchObject({ code: 'invalid-value', field: 'lang' });
    expect(command('setup team=hem-a oncall=<!subteam^S0LOCAL|@oncall> lang=zh role=Nurse')).toEqual({
      name: 'setup',
      change: { team: 'hem-a', oncallUserGroupId: 'S0LOCAL', language: 'zh-CN', role: 'nurse' },
    });
    expect(command('setup team=hem-a oncall=&lt;!subteam^S0LOCAL&gt;')).toMatchObject({
      change: { oncallUserGroupId: 'S0LOCAL' },
    });
  });

  it('plan takes an episode id (aliases in English and Chinese); without one it says what is missing', () => {
    expect(command('plan ep-12')).toEqual({ name: 'plan', episodeId: 'EP-12' });
    expect(command('计划 EP-3')).toEqual({ name: 'plan', episodeId: 'EP-3' });
    expect(command('careplan EP3')).toEqual({ name: 'plan', episodeId: 'EP-3' });
    expect(problemsOf('plan')[0]).toMatchObject({ code: 'missing' });
    expect(problemsOf('plan EP-3 now')[0]).toMatchObject({ code: 'unexpected' });
    expect(problemsOf('plan patient-7')[0]).toMatchObject({ code: 'invalid-value', field: 'episode' });
  });

  it('empty text and help show the help; help takes a subcommand', () => {
    expect(command('')).toEqual({ name: 'help', topic: undefined });
    expect(command('help vitals')).toEqual({ name: 'help', topic: 'vitals' });
  });

  it('an unknown subcommand gets the nearest one', () => {
    const [problem] = problemsOf('vitls EP-1 t=38.9');
    expect(problem?.text.en).toBe(
      'unknown subcommand `vitls`; did you mean `vitals`? (`/cart help` lists them)',
    );
    expect(problemsOf('xyzzy')[0]?.suggestion).toBeUndefined();
  });
});
