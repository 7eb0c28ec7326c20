// Validated offices: what reviewers approved, waiting for or done with the push to upstream's
// `district_offices`, and the `validatedOffices` query.
import { builder } from '../builder.ts';
import { officeAddressFields } from './office-fields.ts';

export const ValidatedOfficeRef = builder.prismaNode('ValidatedOffice', {
  id: { field: 'officeId' },
  description: 'An approved district office. `officeId` is stable: the same office validated again keeps it.',
  fields: (t) => ({
    officeId: t.exposeString('officeId', { description: "The row's key in upstream's district_offices." }),
    member: t.relation('member'),
    ...officeAddressFields(t),
    validatedAt: t.expose('validatedAt', { type: 'DateTime' }),
    syncedToUpstream: t.exposeBoolean('syncedToUpstream', { description: 'false until a push wrote this version of the office upstream.' }),
    syncedAt: t.expose('syncedAt', { type: 'DateTime', nullable: true }),
  }),
});

const ValidatedOfficeFilter = builder.inputType('ValidatedOfficeFilter', {
  fields: (t) => ({
    synced: t.boolean({ description: 'false: waiting for the next push.' }),
    bioguideId: t.string(),
  }),
});

builder.queryField('validatedOffices', (t) =>
  t.prismaConnection({
    type: 'ValidatedOffice',
    cursor: 'officeId',
    args: { filter: t.arg({ type: ValidatedOfficeFilter }) },
    totalCount: (_parent, args, ctx) =>
      ctx.reader.validatedOffice.count({ where: { syncedToUpstream: args.filter?.synced ?? undefined, bioguideId: args.filter?.bioguideId ?? undefined } }),
    resolve: (query, _root, args, ctx) =>
      ctx.reader.validatedOffice.findMany({
        ...query,
        where: { syncedToUpstream: args.filter?.synced ?? undefined, bioguideId: args.filter?.bioguideId ?? undefined },
        orderBy: { officeId: 'asc' },
      }),
  }),
);
