import type { Language } from '#rules';
import { context, fallback, section, type SlackMessage } from './blocks.ts';

/**
 * A command that needs a team from a channel no team uses yet: how an administrator maps it.
 * Bilingual, since no language is set for the channel yet.
 */
export const unmappedChannelView = (command: string, _language: Language = 'en'): SlackMessage => {
  const example = `\`${command} setup team=&lt;team-id&gt; oncall=&lt;user-group-id&gt; lang=en role=clinician\``;
  return {
    text: fallback(
      `This channel is not mapped to a team yet. An administrator of the app can map it: ${example}`,
    ),
    blocks: [
      section(
        `:information_source: *This channel is not mapped to a team yet.* An administrator of the app (SLACK_ADMIN_USER_IDS) maps it with\n${example}\nQuick calculations work anywhere: \`${command} crs …\`, \`${command} icans …\`, \`${command} ld …\`.`,
      ),
      section(
        `*本频道尚未关联团队。* 请应用管理员执行\n${example}\n快速计算在任何频道均可使用:\`${command} crs …\`、\`${command} icans …\`、\`${command} ld …\`。`,
      ),
      context(
        'Team, on-call group, language and role are stored settings, not code · 团队、值班组、语言与角色均为存储的设置',
      ),
    ],
  };
};
