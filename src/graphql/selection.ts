// What an operation asks for below a field, so the read model reads only the columns the
// answer needs (as the Prisma plugin does for its own queries). Conservative: a field named
// anywhere in the path counts as asked for, whatever fragment type condition or @skip/@include
// surrounds it, so a column is never left out that an answer could need.
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

type Fragments = Record<string, FragmentDefinitionNode>;

/** The field names selected directly in `set` (through inline fragments and spreads), with their nodes. */
function collect(set: SelectionSetNode | undefined, fragments: Fragments, name: string, out: FieldNode[], seen = new Set<string>()): FieldNode[] {
  if (!set) return out;
  for (const s of set.selections) {
    if (s.kind === 'Field') {
      if (s.name.value === name) out.push(s);
    } else if (s.kind === 'InlineFragment') {
      collect(s.selectionSet, fragments, name, out, seen);
    } else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      collect(fragments[s.name.value]?.selectionSet, fragments, name, out, seen);
    }
  }
  return out;
}

function selectsPath(fields: readonly FieldNode[], fragments: Fragments, path: readonly string[]): boolean {
  if (path.length === 0) return fields.length > 0;
  const [head, ...rest] = path as [string, ...string[]];
  const next: FieldNode[] = [];
  for (const f of fields) collect(f.selectionSet, fragments, head, next);
  return selectsPath(next, fragments, rest);
}

// Documents are parsed once and cached (Yoga), so their field nodes are stable keys.
const cache = new WeakMap<FieldNode, Map<string, boolean>>();

/** Whether a connection field's selection reads `field` of its nodes (`edges { node { field } }` or `nodes { field }`). */
export function connectionSelectsNodeField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, field: string): boolean {
  const key = info.fieldNodes[0];
  if (!key) return true;
  let answers = cache.get(key);
  if (!answers) cache.set(key, (answers = new Map()));
  let answer = answers.get(field);
  if (answer === undefined) {
    answer =
      selectsPath(info.fieldNodes, info.fragments, ['edges', 'node', field]) || selectsPath(info.fieldNodes, info.fragments, ['nodes', field]);
    answers.set(field, answer);
  }
  return answer;
}
