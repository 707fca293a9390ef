import type { Language } from '#rules';
import type { TeamSettings } from '#episodes';
import { channelLink, context, esc, fallback, section, type SlackMessage } from './blocks.ts';

/** `/cart setup handoff 08:00 20:00` (HANDOFF-1): the team's digest times as now stored. */
export const handoffTimesSavedView = (settings: TeamSettings, language: Language): SlackMessage => {
  const zh = language === 'zh-CN';
  const times = settings.handoffTimes ?? [];
  const line =
    times.length === 0
      ? zh
        ? `团队 *${esc(settings.team)}* 不再定时发送交班摘要`
        : `Team *${esc(settings.team)}*: no scheduled shift handoff`
      : zh
        ? `团队 *${esc(settings.team)}* 的交班摘要将于每日 ${times.map(esc).join('、')}(医院时区)发送到 ${channelLink(settings.channelId)}`
        : `Team *${esc(settings.team)}*: shift handoff posted daily at ${times.map(esc).join(', ')} (hospital time zone) to ${channelLink(settings.channelId)}`;
  return {
    text: fallback(line),
    blocks: [
      section(`:white_check_mark: ${line}`),
      context(`v${settings.version} · ${esc(settings.updatedBy)}`),
    ],
  };
};
