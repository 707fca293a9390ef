import type { Language } from '#rules';
import { SUBCOMMANDS, type SubcommandName } from '../parser/parse-command.ts';
import { context, esc, fallback, header, section, tr, type KnownBlock, type SlackMessage } from './blocks.ts';

export type { SlackMessage } from './blocks.ts';

const GRAMMAR = {
  zh: [
    '*写法*:字段写成 `key=value`(也可 `key:value`),顺序不限;`help vitals` 列出每个字段及同义词。',
    '• 同义词:`t` = `temp` = `体温`;`sbp` = `收缩压`;`spo2` = `sat` = `血氧`',
    '• 体温默认 ℃;华氏度必须写单位(`t=101.2F`,换算到 0.1 ℃);不写单位而像华氏度的数值会被拒绝',
    '• 吸氧写方式:流量:`o2=ra`(未吸氧)、`o2=nc:4`(鼻导管 4 L/min)、`hfnc:40`、`mask`、`nrb`、`venturi`、`cpap`、`bipap`、`mv`',
    '• 升压药写名称:`vaso=ne`、`vaso=ne,vp`(ne 去甲肾上腺素、epi、dopa、phenyl、vp)',
    '• 单独写出表示“有”:`hypotension`、`organ`;`hypotension=no` 表示没有',
    '• 时间:`at=-30m`、`at=-2h` 或 `at=2026-03-03T02:00+08:00`(默认现在);日期 `2026-03-01`、`today`、`-2d`',
    '• 拼写错误会得到具体提示(如“您是否想输入 `temp`?”),且不会记录任何内容',
  ],
  en: [
    '*Grammar*: fields are `key=value` (or `key:value`), in any order; `help vitals` lists every field and its synonyms.',
    '• Synonyms: `t` = `temp` = `体温`; `sbp` = `systolic`; `spo2` = `sat`',
    '• Temperature in °C; °F needs its unit (`t=101.2F`, converted to 0.1 °C); a bare value that looks like °F is refused',
    '• Oxygen as device:flow: `o2=ra` (room air), `o2=nc:4` (nasal cannula 4 L/min), `hfnc:40`, `mask`, `nrb`, `venturi`, `cpap`, `bipap`, `mv`',
    '• Vasopressors by name: `vaso=ne`, `vaso=ne,vp` (ne norepinephrine, epi, dopa, phenyl, vp)',
    '• A finding written alone means yes: `hypotension`, `organ`; `hypotension=no` means no',
    '• Times: `at=-30m`, `at=-2h` or `at=2026-03-03T02:00+08:00` (default now); dates `2026-03-01`, `today`, `-2d`',
    '• A typo gets a specific correction ("did you mean `temp`?") and nothing is recorded',
  ],
};

const ORDER: readonly SubcommandName[] = [
  'new',
  'vitals',
  'neuro',
  'toci',
  'status',
  'plan',
  'chart',
  'death',
  'list',
  'handoff',
  'crs',
  'icans',
  'ld',
  'lang',
  'setup',
  'help',
];

const SOURCE = {
  zh: '分级与处理依据《嵌合抗原受体T细胞治疗多发性骨髓瘤中国血液临床专家共识(2022年版)》及 ASTCT 2019;每条建议都标注规则编号与出处。',
  en: 'Grading and management follow the Chinese consensus for CAR-T in multiple myeloma (2022) and ASTCT 2019; every step cites its rule id and source.',
};

/** `/cart help [subcommand]`: what the bot does and how to talk to it. Pure data, tested as data. */
export const helpView = (
  command: string,
  language: Language = 'en',
  topic?: SubcommandName,
): SlackMessage => {
  if (topic && SUBCOMMANDS[topic].fields.length > 0) {
    const spec = SUBCOMMANDS[topic];
    const lines = spec.fields.map(
      (field) =>
        `\`${field.key}\`${field.aliases.length > 0 ? ` (${field.aliases.map(esc).join(', ')})` : ''} — ${esc(tr(field.help, language))} · \`${esc(field.example)}\``,
    );
    return {
      text: fallback(`${command} ${spec.usage}`),
      blocks: [
        header(`${command} ${topic}`),
        section(`\`${command} ${esc(spec.usage)}\`\n${esc(tr(spec.summary, language))}`),
        section(lines.join('\n')),
      ],
    };
  }
  const commands = ORDER.map(
    (name) =>
      `\`${command} ${esc(SUBCOMMANDS[name].usage)}\`\n      ${esc(tr(SUBCOMMANDS[name].summary, language))}`,
  );
  const blocks: KnownBlock[] = [
    header(language === 'zh-CN' ? `CAR-T 值班助手 · ${command}` : `CAR-T on-call · ${command}`),
    section(commands.slice(0, 6).join('\n')),
    section(commands.slice(6).join('\n')),
    section(GRAMMAR[language === 'zh-CN' ? 'zh' : 'en'].join('\n')),
    context(tr(SOURCE, language)),
  ];
  return {
    text: fallback(
      language === 'zh-CN'
        ? `${command}:CAR-T 毒性值班助手。${command} help 列出全部命令。`
        : `${command}: CAR-T toxicity on-call assistant. ${command} help lists the commands.`,
    ),
    blocks,
  };
};
