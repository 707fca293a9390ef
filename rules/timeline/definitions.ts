import { cite, text } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

const EPISODE_STATE = cite('Episode state over time', 'product-design');

/** EPI-1…7: the rules applied to a patient's timeline (clinical-rules.md, "Episode state over time"). */
export const timelineDefinitions: readonly RuleDefinition[] = [
  {
    id: 'EPI-1',
    summary: text(
      'CRS发作:首次CRS ≥ 1级时开始;24小时无CRS表现且期间有一次完整记录无表现时结束;之后再出现为新的发作(迟发CRS)',
      'CRS episode: opens at the first record graded CRS ≥ 1; closes after 24 h without CRS findings with a complete clean record; a later finding opens a new one (late CRS)',
    ),
    citation: EPISODE_STATE,
  },
  {
    id: 'EPI-2',
    summary: text(
      '不完整记录:吸氧、升压药和血氧饱和度沿用4小时内的记录并注明时间;否则为未知,分级为下限,不降低当前分级;发热取本次发作近24小时最高体温',
      'Partial records: oxygen, vasopressors and SpO2 carried from a record at most 4 h old, with its time; otherwise unknown and the grade is a lower bound that never lowers the current grade; fever is the highest of the open episode’s last 24 h',
    ),
    citation: EPISODE_STATE,
  },
  {
    id: 'EPI-3',
    summary: text(
      '合并CRS:神经评估时有开放的CRS发作(非陈旧:24小时内有生命体征),采用该发作最新分级及其时间',
      'Concurrent CRS: a CRS episode open at the neuro assessment (not stale: vital signs in the last 24 h), with that episode’s latest grade and its time',
    ),
    citation: EPISODE_STATE,
  },
  {
    id: 'EPI-4',
    summary: text(
      '更正:一条更正取代一条当前记录;已被取代的记录不能再更正;所有推导只计当前记录',
      'Corrections: a correction supersedes exactly one current record; a superseded record cannot be corrected again; every derived figure counts current records only',
    ),
    citation: EPISODE_STATE,
  },
  {
    id: 'EPI-5',
    summary: text(
      '死亡:记录死亡及其归因并结束病程;归因于CRS或ICANS时为该综合征5级',
      'Death: recorded with its attribution, closes the episode; attributed to CRS or ICANS it is grade 5 of that syndrome',
    ),
    citation: EPISODE_STATE,
  },
  {
    id: 'EPI-6',
    summary: text(
      '每个临床事件一条警报:CRS ≥ 1级时不单独发出CRS-S1疑似警报;同一CRS发作中同一升级再次出现时更新原警报',
      'One alert per clinical event: no separate CRS-S1 alert when graded CRS ≥ 1; a repeat of the same escalation in the same CRS episode updates the existing alert',
    ),
    citation: EPISODE_STATE,
  },
  {
    id: 'EPI-7',
    summary: text(
      '显示时间均为医院时区并注明时区;存储为UTC',
      'Times shown in the hospital’s time zone with the zone named; stored in UTC',
    ),
    citation: EPISODE_STATE,
  },
];
