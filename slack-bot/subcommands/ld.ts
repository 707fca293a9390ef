import { planLymphodepletion, type LymphodepletionPlanInput } from '#rules';
import { lymphodepletionPlanView } from '../views/lymphodepletion-plan.ts';
import { toUser, type Handler } from './request.ts';

/** `/cart ld KARMMA h=170 w=70 infusion=2026-03-01`: the lymphodepletion plan (LD-2, T2); nothing recorded. */
export const ld: Handler<'ld'> = (command, request) =>
  Promise.resolve(
    toUser(
      lymphodepletionPlanView(
        // Validated by the rule itself (field, allowed range, received), like every rule input.
        planLymphodepletion(command.input as LymphodepletionPlanInput),
        request.language,
      ),
    ),
  );
