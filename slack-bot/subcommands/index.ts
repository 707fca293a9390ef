import { UnmappedChannelError } from '../errors/describe-error.ts';
import type { CartCommand, SubcommandName } from '../parser/parse-command.ts';
import { chart } from './chart.ts';
import { crs } from './crs.ts';
import { death } from './death.ts';
import { handoff } from './handoff.ts';
import { help } from './help.ts';
import { icans } from './icans.ts';
import { lang } from './lang.ts';
import { ld } from './ld.ts';
import { list } from './list.ts';
import { neuro } from './neuro.ts';
import { newEpisode } from './new-episode.ts';
import { plan } from './plan.ts';
import type { CommandReply, CommandRequest, Handler } from './request.ts';
import { setup } from './setup.ts';
import { status } from './status.ts';
import { toci } from './toci.ts';
import { vitals } from './vitals.ts';

/**
 * The routing table: each subcommand's handler and what it touches. `read` and `write` need the
 * channel's team (an unmapped channel gets the setup explanation); `write` records through the
 * episode service with the request's idempotency key; `calculate` needs nothing stored;
 * `settings` changes the channel's stored settings.
 */
export type Sensitivity = 'calculate' | 'read' | 'write' | 'settings';

export const ROUTES: {
  readonly [K in SubcommandName]: { readonly sensitivity: Sensitivity; readonly handle: Handler<K> };
} = {
  help: { sensitivity: 'calculate', handle: help },
  crs: { sensitivity: 'calculate', handle: crs },
  icans: { sensitivity: 'calculate', handle: icans },
  ld: { sensitivity: 'calculate', handle: ld },
  status: { sensitivity: 'read', handle: status },
  plan: { sensitivity: 'read', handle: plan },
  chart: { sensitivity: 'read', handle: chart },
  list: { sensitivity: 'read', handle: list },
  handoff: { sensitivity: 'read', handle: handoff },
  new: { sensitivity: 'write', handle: newEpisode },
  vitals: { sensitivity: 'write', handle: vitals },
  neuro: { sensitivity: 'write', handle: neuro },
  toci: { sensitivity: 'write', handle: toci },
  death: { sensitivity: 'write', handle: death },
  lang: { sensitivity: 'settings', handle: lang },
  setup: { sensitivity: 'settings', handle: setup },
};

/** Runs the subcommand's handler after the checks its sensitivity needs. */
export const dispatch = async (command: CartCommand, request: CommandRequest): Promise<CommandReply> => {
  const route = ROUTES[command.name];
  if ((route.sensitivity === 'read' || route.sensitivity === 'write') && !request.settings)
    throw new UnmappedChannelError(request.channelId);
  return (route.handle as Handler<SubcommandName>)(command, request);
};
