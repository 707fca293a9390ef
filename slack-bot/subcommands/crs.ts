import { evaluateCrs } from '#rules';
import { quickCrsView } from '../views/quick-grading.ts';
import { toUser, type Handler } from './request.ts';

/** `/cart crs t=38.9 sbp=84 …`: CRS grading with no episode; nothing recorded. */
export const crs: Handler<'crs'> = (command, request) =>
  Promise.resolve(
    toUser(quickCrsView(evaluateCrs(command.input, request.deps.episodes.config), request.language)),
  );
