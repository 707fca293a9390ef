import type { RulesConfig } from '#rules';
import type { LabRecord } from '../records.ts';
import type { EpisodeState } from '../state.ts';
import type { Assessment } from './assessment.ts';

/** Lab results: IgG advice (IG-1..4, ESC-IGG) and cytopenia grades (CYTO-1, INFX-4). */
export const assessLab = (_state: EpisodeState, _record: LabRecord, _config: RulesConfig): Assessment => ({
  gradings: [],
  triggers: [],
});
