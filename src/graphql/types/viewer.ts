// Who am I? Lets a client check its key and role without side effects.
import { builder } from '../builder.ts';

const ViewerRef = builder.objectRef<{ label: string; role: string }>('Viewer').implement({
  fields: (t) => ({
    name: t.exposeString('label', { description: 'The actor name written into activity entries.' }),
    role: t.exposeString('role'),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({ type: ViewerRef, nullable: true, resolve: (_root, _args, ctx) => ctx.actor }),
);
