// Members (seed 003): the local copy of upstream's `members` + `members_contact`, and the
// `members` query. Nested lists (extractions, validated offices) load through the Prisma
// plugin, one statement per level for all parents.
import type { Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';

export const MemberRef = builder.prismaNode('Member', {
  id: { field: 'bioguideId' },
  description: 'A member of Congress as last pulled from upstream (`opsgraph upstream pull` / `syncFromUpstream`).',
  fields: (t) => ({
    bioguideId: t.exposeString('bioguideId'),
    name: t.exposeString('name', { description: 'First and last name joined, as in the seed.' }),
    firstName: t.exposeString('firstName', { nullable: true }),
    lastName: t.exposeString('lastName', { nullable: true }),
    currentMember: t.exposeBoolean('currentMember', { description: 'false once upstream no longer lists the member as current (members are never deleted).' }),
    officialWebsiteUrl: t.exposeString('officialWebsiteUrl', { nullable: true }),
    state: t.exposeString('state', { nullable: true }),
    contactPage: t.exposeString('contactPage', { nullable: true }),
    pulledAt: t.expose('pulledAt', { type: 'DateTime', description: 'When a pull last saw the member among the current ones.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    extractions: t.relatedConnection('extractions', {
      cursor: 'id',
      description: 'Extractions of this member, newest first.',
      query: () => ({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
      totalCount: true,
    }),
    validatedOffices: t.relation('validatedOffices', {
      description: 'Offices reviewers approved for this member.',
      query: () => ({ orderBy: { officeId: 'asc' } }),
    }),
  }),
});

const MemberFilter = builder.inputType('MemberFilter', {
  fields: (t) => ({
    state: t.string({ description: 'Two-letter state code.' }),
    currentMember: t.boolean(),
    withoutOffices: t.boolean({ description: "true: current members with no validated office (the seed's get_members_without_offices)." }),
  }),
});

type MemberFilterValue = { state?: string | null; currentMember?: boolean | null; withoutOffices?: boolean | null } | null | undefined;

function memberWhere(filter: MemberFilterValue): Prisma.MemberWhereInput {
  if (!filter) return {};
  return {
    state: filter.state ? filter.state.toUpperCase() : undefined,
    currentMember: filter.withoutOffices ? true : (filter.currentMember ?? undefined),
    validatedOffices: filter.withoutOffices === true ? { none: {} } : filter.withoutOffices === false ? { some: {} } : undefined,
  };
}

builder.queryFields((t) => ({
  members: t.prismaConnection({
    type: 'Member',
    cursor: 'bioguideId',
    description: 'Members by bioguide id.',
    args: { filter: t.arg({ type: MemberFilter }) },
    totalCount: (_parent, args, ctx) => ctx.reader.member.count({ where: memberWhere(args.filter) }),
    resolve: (query, _root, args, ctx) => ctx.reader.member.findMany({ ...query, where: memberWhere(args.filter), orderBy: { bioguideId: 'asc' } }),
  }),
  member: t.prismaField({
    type: 'Member',
    nullable: true,
    args: { bioguideId: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.reader.member.findUnique({ ...query, where: { bioguideId: args.bioguideId } }),
  }),
}));
