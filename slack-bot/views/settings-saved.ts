import type { Language } from '#rules';
import type { TeamSettings } from '#episodes';
import { context, esc, fallback, section, type SlackMessage } from './blocks.ts';

/** `/cart setup …` and `/cart lang …`: the channel's settings as now stored. */
export const settingsSavedView = (settings: TeamSettings, language: Language): SlackMessage => {
  const zh = language === 'zh-CN';
  const lines = [
    `${zh ? '团队' : 'Team'}: *${esc(settings.team)}*`,
    `${zh ? '频道' : 'Channel'}: <#${settings.channelId}>`,
    `${zh ? '值班组' : 'On-call group'}: ${settings.oncallUserGroupId ? `<!subteam^${settings.oncallUserGroupId}>` : zh ? '无' : 'none'}`,
    `${zh ? '语言' : 'Language'}: ${settings.language}`,
    `${zh ? '成员角色' : 'Members act as'}: ${settings.role}`,
  ];
  const title = zh ? '频道设置已保存' : 'Channel settings saved';
  return {
    text: fallback(`${title}: ${esc(settings.team)} ${settings.language} ${settings.role}`),
    blocks: [
      section([`:white_check_mark: *${title}*`, ...lines].join('\n')),
      context(`v${settings.version} · ${esc(settings.updatedBy)}`),
    ],
  };
};
