// Every mutation's result union covers every error its command can throw (DESIGN.md, quality
// bars): an expected failure missing from the union reaches the client as a masked internal
// error. Each mutation has its command in src/commands/**/<kebab-name>.ts, and the command
// declares what it can fail with as `<mutationName>Errors`. This test holds three things
// together, so a new mutation, a new `throw`, or a union built by hand fails here:
//   1. the union's error members are exactly COMMON_ERRORS plus the command's declaration;
//   2. the declaration covers every DomainError constructed on the command's import path and
//      every error of the services it uses (test/support/thrown-errors.ts);
//   3. every write can fail with BusyError and DiskFullError, so every command that writes declares them.
import { type GraphQLUnionType, getNamedType, isUnionType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../src/graphql/schema.ts';
import { COMMON_ERRORS, type ErrorClass } from '../src/graphql/types/errors.ts';
import { commandFileFor, lineage, reachableFrom } from './support/thrown-errors.ts';

const schema = buildSchema();
const mutations = Object.values(schema.getMutationType()!.getFields());

function errorMembers(union: GraphQLUnionType): string[] {
  return union
    .getTypes()
    .filter((t) => t.getInterfaces().some((i) => i.name === 'DomainError'))
    .map((t) => t.name)
    .sort();
}

describe('mutation result unions', () => {
  it('the schema has mutations to check', () => {
    expect(mutations.length).toBeGreaterThan(15);
  });

  for (const field of mutations) {
    it(`${field.name}: the union lists exactly what its command declares, and the declaration covers what it can throw`, async () => {
      const file = commandFileFor(field.name);
      expect(file, `mutation ${field.name} has no command file src/commands/**/${field.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.ts`).toBeDefined();
      const declared = ((await import(file!)) as Record<string, unknown>)[`${field.name}Errors`] as ErrorClass[] | undefined;
      expect(declared, `${file} must export ${field.name}Errors`).toBeInstanceOf(Array);

      const union = getNamedType(field.type);
      expect(isUnionType(union), `${field.name} must return a result union`).toBe(true);
      const allowed = new Set([...COMMON_ERRORS, ...declared!].map((c) => c.name));
      expect(errorMembers(union as GraphQLUnionType)).toEqual([...allowed].sort());

      const declaredNames = new Set(declared!.map((c) => c.name));
      const { constructed } = reachableFrom(file!);
      const undeclared = [...constructed].filter((name) => !lineage(name).some((a) => declaredNames.has(a)));
      expect(undeclared, `${field.name} can throw these without declaring them in ${field.name}Errors`).toEqual([]);
      expect(declaredNames.has('BusyError') && declaredNames.has('DiskFullError'), 'every mutation writes').toBe(true);
    });
  }
});
