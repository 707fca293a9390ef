import type { Language } from '#rules';
import { context, esc, fallback, section, type SlackMessage } from './blocks.ts';

/** `/cart chart EP-1 [hours]`: the answer within Slack's 3 s, while the picture is drawn and uploaded. */
export const chartRenderingView = (episodeId: string, hours: number, language: Language): SlackMessage => {
  const zh = language === 'zh-CN';
  const title = zh
    ? `正在绘制 ${esc(episodeId)} 近 ${hours} 小时病程图…`
    : `Rendering the chart of ${esc(episodeId)} for the last ${hours} h…`;
  return {
    text: fallback(title),
    blocks: [
      section(`:chart_with_upwards_trend: ${title}`),
      context(
        zh
          ? '图片及其文字说明稍后发布在本频道。'
          : 'The picture and its text summary will be posted in this channel in a few seconds.',
      ),
    ],
  };
};

/** When no chart function is configured for this deployment. */
export const chartUnavailableView = (language: Language): SlackMessage => {
  const text =
    language === 'zh-CN'
      ? '本部署未配置病程图功能,请联系管理员。'
      : 'Charts are not configured for this deployment; ask an administrator.';
  return { text: fallback(text), blocks: [section(`:warning: ${text}`)] };
};
