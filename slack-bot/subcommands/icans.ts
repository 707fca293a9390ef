import { evaluateIcans } from '#rules';
import { quickIcansView } from '../views/quick-grading.ts';
import { toUser, type Handler } from './request.ts';

/** `/cart icans ice=… loc=… crs=2 w=70`: ICANS grading with no episode; nothing recorded. */
export const icans: Handler<'icans'> = (command, request) =>
  Promise.resolve(
    toUser(quickIcansView(evaluateIcans(command.input, request.deps.episodes.config), request.language)),
  );
