import { helpView } from '../views/help.ts';
import { toUser, type Handler } from './request.ts';

export const help: Handler<'help'> = (command, request) =>
  Promise.resolve(toUser(helpView(request.deps.command, request.language, command.topic)));
