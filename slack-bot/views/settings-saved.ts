import type { Language } from '#rules';
import type { TeamSettings } from '#episodes';
import {
  channelLink,
  context,
  esc,
  fallback,
  section,
  userGroupMention,
  type SlackMessage,
} from './blocks.ts';

/** `/cart setup …` and `/cart lang …`: the channel's settings as now stored. */
export const settingsSavedView = (settings: TeamSettings, language: Language): SlackMessage => {
  const zh = language === 'zh-CN';
  const lines = [
    `${zh ? '团队' : 'Team'}: *${esc(settings.team)}*`,
    `${zh ? '频道' : 'Channel'}: ${channelLink(settings.channelId)}`,
    `${zh ? '值班组' : 'On-call group'}: ${settings.oncallUserGroupId ? userGroupMention(settings.oncallUserGroupId) : zh ? '无' : 'none'}`,
    `${zh ? '语言' : 'Language'}: ${esc(settings.language)}`,
    `${zh ? '成员角色' : 'Members act as'}: ${esc(settings.role)}`,
  ];
  const title = zh ? '频道设置已保存' : 'Channel settings saved';
  return {
    text: fallback(`${title}: ${esc(settings.team)} ${esc(settings.language)} ${esc(settings.role)}`),
    blocks: [
      section([`:white_check_mark: *${title}*`, ...lines].join('\n')),
      context(`v${settings.version} · ${esc(settings.updatedBy)}`),
    ],
  };
};
