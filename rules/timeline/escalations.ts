/**
 * EPI-6: one alert per clinical event. Escalations raised while a CRS episode is open belong to it;
 * the same escalation id raised again in the same CRS episode is a repeat, which updates the alert
 * already raised instead of opening a new one. A new CRS episode starts afresh.
 */
import type { EscalationTrigger } from '../escalation/types.ts';
import type { TimelineTrigger } from './derivation.ts';
import type { RaisedEscalation, TimelineState } from './state.ts';

export const tagTriggers = (
  state: TimelineState,
  triggers: readonly EscalationTrigger[],
  crsEpisode: number | null,
  stamp: { readonly at: string; readonly recordId: string },
): { readonly triggers: TimelineTrigger[]; readonly raised: readonly RaisedEscalation[] } => {
  if (crsEpisode === null)
    return {
      triggers: triggers.map((t) => ({ ...t, crsEpisode: null, repeat: false })),
      raised: state.raised,
    };
  const raised = [...state.raised];
  const tagged = triggers.map((t) => {
    const repeat = raised.some((r) => r.escalationId === t.id);
    if (!repeat) raised.push({ escalationId: t.id, ...stamp });
    return { ...t, crsEpisode, repeat };
  });
  return { triggers: tagged, raised };
};
