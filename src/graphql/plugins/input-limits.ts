// Bounds on input values, the same for HTTP and WebSocket (both run Yoga's envelop):
// - nesting depth of every variable value and literal (a JSON variable 20,000 deep used to
//   overflow the stack in JSON.stringify, in graphql-js and in the complexity plugin);
// - the length of every list argument or list input field (a 100,000-entry `types` filter
//   hit a Prisma limit). The cap is MAX_LIST_ITEMS, or the argument's own `maxItems`
//   extension where a field needs less (e.g. `artifacts(queries:)`). JSON scalar values are
//   not list arguments: their arrays are data, bounded only by depth and the body size;
// - no lone surrogate in any string (keys included): SQLite would store U+FFFD instead, and
//   encodeURIComponent throws on them.
// Sizes are bounded by the body cap (MAX_REQUEST_BYTES; the WebSocket's maxPayload).
//
// The raw variables are checked when the document is parsed, before anything else touches
// them (the WebSocket's share key, src/events/shared-execution.ts, serializes them);
// list lengths need the variables' types and are checked when execution starts.
import {
  type ASTVisitor,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  getOperationAST,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  typeFromAST,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface InputLimits {
  /** How deeply lists and objects may nest in one variable value or literal. */
  maxInputDepth: number;
  /** Entries in one list argument or list input field, unless the field sets `maxItems`. */
  maxListItems: number;
}

function inputError(message: string, limit: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', limit } });
}

const LONE_SURROGATE = /\p{Cs}/u;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

function pathText(path: ReadonlyArray<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * Depth and well-formed strings of raw variables, walked with an explicit stack (a
 * recursive walk would itself overflow on the values it is meant to refuse).
 */
export function checkRawVariables(variables: unknown, limits: InputLimits): GraphQLError | null {
  if (variables === null || typeof variables !== 'object') return null;
  const stack: Array<{ value: unknown; path: Array<string | number>; depth: number }> = [];
  for (const [name, value] of Object.entries(variables)) stack.push({ value, path: [`$${name}`], depth: 0 });
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (hasLoneSurrogate(value)) {
        return inputError(`Variable "${pathText(path)}" contains a lone surrogate (not valid Unicode text).`, 'unicode');
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth + 1 > limits.maxInputDepth) {
      return inputError(`Variable "${path[0]}" nests deeper than the limit of ${limits.maxInputDepth} levels.`, 'maxInputDepth');
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], path: [...path, i], depth: depth + 1 });
    } else {
      for (const [key, item] of Object.entries(value)) {
        if (hasLoneSurrogate(key)) return inputError(`Variable "${pathText(path)}" has a key with a lone surrogate (not valid Unicode text).`, 'unicode');
        stack.push({ value: item, path: [...path, key], depth: depth + 1 });
      }
    }
  }
  return null;
}

type ListOwner = GraphQLArgument | GraphQLInputField;

function capOf(owner: ListOwner | undefined, limits: InputLimits): number {
  const own = owner?.extensions?.maxItems;
  return typeof own === 'number' ? Math.min(own, limits.maxListItems) : limits.maxListItems;
}

/** Per document: the list cap of the argument or input field each variable is used in. */
const variableCaps = new WeakMap<DocumentNode, Map<string, number>>();

/**
 * A validation rule for literals (list lengths by the argument's type, nesting, lone
 * surrogates). It also notes which argument each variable feeds, for the variables' list
 * check at execution.
 */
export function inputLiteralRule(limits: InputLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const owners: Array<ListOwner | undefined> = [];
    const caps = new Map<string, number>();
    variableCaps.set(context.getDocument(), caps);
    let depth = 0;
    const where = () => {
      const owner = owners[owners.length - 1];
      return owner ? `"${owner.name}"` : 'a value';
    };
    return {
      Argument: {
        enter() {
          owners.push(context.getArgument() ?? undefined);
        },
        leave() {
          owners.pop();
        },
      },
      ObjectField: {
        enter(node) {
          const parent = context.getParentInputType();
          owners.push(isInputObjectType(parent) ? parent.getFields()[node.name.value] : undefined);
        },
        leave() {
          owners.pop();
        },
      },
      Variable(node) {
        const owner = owners[owners.length - 1];
        if (!owner) return;
        const name = node.name.value;
        caps.set(name, Math.min(caps.get(name) ?? Infinity, capOf(owner, limits)));
      },
      ListValue: {
        enter(node) {
          if (++depth > limits.maxInputDepth) {
            context.reportError(inputError(`A literal for ${where()} nests deeper than the limit of ${limits.maxInputDepth} levels.`, 'maxInputDepth'));
          }
          // TypeInfo has already stepped into the list: its parent input type is the list's own.
          const type = context.getParentInputType();
          if (type && isListType(getNullableType(type))) {
            const cap = capOf(owners[owners.length - 1], limits);
            if (node.values.length > cap) {
              context.reportError(inputError(`Argument ${where()} has ${node.values.length} entries; at most ${cap} are allowed.`, 'maxListItems'));
            }
          }
        },
        leave() {
          depth--;
        },
      },
      ObjectValue: {
        enter() {
          if (++depth > limits.maxInputDepth) {
            context.reportError(inputError(`A literal for ${where()} nests deeper than the limit of ${limits.maxInputDepth} levels.`, 'maxInputDepth'));
          }
        },
        leave() {
          depth--;
        },
      },
      StringValue(node) {
        if (hasLoneSurrogate(node.value)) context.reportError(inputError(`Argument ${where()} contains a lone surrogate (not valid Unicode text).`, 'unicode'));
      },
    };
  };
}

/** List lengths of one variable value, walked along its declared type (JSON scalars stop the walk). */
function checkTypedValue(value: unknown, type: GraphQLInputType, cap: number, path: Array<string | number>, limits: InputLimits): GraphQLError | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return checkTypedValue(value, type.ofType, cap, path, limits);
  if (isListType(type)) {
    if (!Array.isArray(value)) return checkTypedValue(value, type.ofType, cap, path, limits); // list coercion of a single item
    if (value.length > cap) {
      return inputError(`Variable "${pathText(path)}" has ${value.length} entries; at most ${cap} are allowed.`, 'maxListItems');
    }
    for (let i = 0; i < value.length; i++) {
      const err = checkTypedValue(value[i], type.ofType, cap, [...path, i], limits);
      if (err) return err;
    }
    return null;
  }
  if (isInputObjectType(type) && typeof value === 'object') {
    const fields = type.getFields();
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[key];
      if (!field) continue; // coercion reports unknown fields
      const err = checkTypedValue(item, field.type, capOf(field, limits), [...path, key], limits);
      if (err) return err;
    }
  }
  return null;
}

export function checkVariableLists(schema: GraphQLSchema, operation: OperationDefinitionNode, caps: Map<string, number> | undefined, variables: Record<string, unknown> | undefined, limits: InputLimits): GraphQLError | null {
  if (!variables) return null;
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (!type || !(name in variables)) continue;
    // Only lists need the walk; a named input type without lists is skipped cheaply.
    if (!isListType(getNullableType(type)) && !isInputObjectType(getNamedType(type))) continue;
    const err = checkTypedValue(variables[name], type, caps?.get(name) ?? limits.maxListItems, [`$${name}`], limits);
    if (err) return err;
  }
  return null;
}

export function useInputLimits(limits: InputLimits): Plugin<{ params?: { variables?: unknown } }> {
  const checkLists = (args: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variableValues?: unknown }) => {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return;
    const err = checkVariableLists(args.schema, operation, variableCaps.get(args.document), args.variableValues as Record<string, unknown> | undefined, limits);
    if (err) throw err;
  };
  return {
    onParse({ context }) {
      const err = checkRawVariables(context.params?.variables, limits);
      if (err) throw err;
    },
    onExecute({ args }) {
      checkLists(args);
    },
    onSubscribe({ args }) {
      checkLists(args);
    },
  };
}
