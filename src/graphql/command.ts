// Bridges a GraphQL request to a command: the services plus the authenticated actor.
import type { CommandContext } from '../commands/command-context.ts';
import type { GraphQLContext } from './context.ts';
import { requireActor } from './context.ts';

export function commandContext(ctx: GraphQLContext): CommandContext {
  return { services: ctx.services, actor: requireActor(ctx) };
}
