// The role matrix: every mutation of the schema × {anonymous, viewer, editor, admin}.
// Each mutation is called with placeholder input of the right shape; what matters is whether
// the gateway lets the caller through (a typed error about the input is "through").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../src/graphql/schema.ts';
import { encodeId } from '../src/graphql/global-id.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** The least role each mutation needs (DESIGN.md "Access"). A new mutation must be added here. */
const REQUIRED_ROLE: Record<string, 'editor' | 'admin'> = {
  createUseCase: 'editor',
  updateUseCase: 'editor',
  transitionUseCase: 'editor',
  recordEvaluationResults: 'editor',
  createJob: 'editor',
  updateJob: 'editor',
  deleteJob: 'editor',
  exportJobs: 'editor',
  importJobs: 'admin',
  registerModelVersion: 'editor',
  promoteModelVersion: 'editor',
  deleteModelVersion: 'editor', // deleting the active version (force) additionally needs admin
  updateRegistrySettings: 'admin',
  uploadFile: 'editor',
  createUploadUrl: 'editor',
  completeUpload: 'editor',
  deleteFile: 'editor',
  createArtifact: 'editor',
  deleteArtifact: 'editor',
  backupDatabase: 'admin',
  restoreDatabase: 'admin',
  enqueueExtractions: 'editor',
  claimExtraction: 'editor',
  completeExtraction: 'editor',
  failExtraction: 'editor',
  validateExtraction: 'editor',
  syncFromUpstream: 'admin',
  exportToUpstream: 'admin',
  retryNotification: 'admin',
  createWebhook: 'admin',
  deleteWebhook: 'admin',
};

const schema = buildSchema();
let idTypeForPlaceholders = 'UseCase';
const mutations = Object.values(schema.getMutationType()!.getFields());

/**
 * A placeholder value for a type given as SDL text ("[X!]!"); `files` collects File positions
 * for the multipart request. Works on type names, not graphql-js classes, because vitest may
 * load a second copy of graphql (instanceof would fail across the two).
 */
function placeholder(typeText: string, path: string, files: string[]): unknown {
  if (typeText.endsWith('!')) return placeholder(typeText.slice(0, -1), path, files);
  if (typeText.startsWith('[')) return [placeholder(typeText.slice(1, -1), `${path}.0`, files)];
  const named = schema.getType(typeText) as unknown as {
    getValues?: () => Array<{ value: unknown }>;
    getFields?: () => Record<string, { name: string; type: { toString(): string } }>;
  };
  if (named?.getValues) return named.getValues()[0]!.value;
  if (named?.getFields && !(schema.getQueryType()?.name === typeText)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(named.getFields())) {
      const text = f.type.toString();
      if (text.endsWith('!')) out[f.name] = placeholder(text, `${path}.${f.name}`, files);
    }
    return out;
  }
  switch (typeText) {
    case 'ID':
      return encodeId(idTypeForPlaceholders, '00000000-0000-0000-0000-000000000000');
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return false;
    case 'JSON':
      return {};
    case 'BigInt':
      return 1;
    case 'DateTime':
      return '2026-01-01T00:00:00.000Z';
    case 'File':
      files.push(path);
      return null;
    default:
      return 'placeholder';
  }
}

async function callMutation(t: TestServer, field: (typeof mutations)[number], key: string | null) {
  let result = await callMutationOnce(t, field, key, 'UseCase');
  // A placeholder ID of the wrong type is refused as bad input naming the type it wants;
  // retry with that type so the call reaches the role check.
  for (let i = 0; i < 3; i++) {
    const wanted = result.body.errors?.map((e) => /is not of type: (\w+)/.exec(e.message)?.[1]).find(Boolean);
    if (!wanted) break;
    result = await callMutationOnce(t, field, key, wanted);
  }
  return result;
}

async function callMutationOnce(t: TestServer, field: (typeof mutations)[number], key: string | null, idType: string) {
  idTypeForPlaceholders = idType;
  const files: string[] = [];
  const variables: Record<string, unknown> = {};
  const defs: string[] = [];
  const args: string[] = [];
  for (const arg of field.args) {
    variables[arg.name] = placeholder(arg.type.toString(), `variables.${arg.name}`, files);
    defs.push(`$${arg.name}: ${arg.type.toString()}`);
    args.push(`${arg.name}: $${arg.name}`);
  }
  const query = `mutation Probe${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} { __typename } }`;
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  let res: Response;
  if (files.length) {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query, variables }));
    form.set('map', JSON.stringify(Object.fromEntries(files.map((p, i) => [String(i), [p]]))));
    files.forEach((_, i) => form.set(String(i), new Blob(['a: 1\n'], { type: 'text/plain' }), 'probe.yaml'));
    res = await fetch(t.url, { method: 'POST', headers: { ...headers, 'graphql-preflight': '1' }, body: form });
  } else {
    res = await fetch(t.url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  }
  const body = (await res.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? e.message);
  return { status: res.status, codes, body };
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

describe('role matrix', () => {
  it('every mutation in the schema has a declared role, and every declared one exists', () => {
    expect(mutations.map((m) => m.name).sort()).toEqual(Object.keys(REQUIRED_ROLE).sort());
  });

  describe.each(mutations.map((m) => [m.name, m] as const))('%s', (name, field) => {
    const needed = REQUIRED_ROLE[name] ?? 'admin';

    it('anonymous → 401 UNAUTHENTICATED', async () => {
      const r = await callMutation(t, field, null);
      expect(r.status).toBe(401);
      expect(r.codes).toEqual(['UNAUTHENTICATED']);
    });

    it('viewer → FORBIDDEN', async () => {
      const r = await callMutation(t, field, t.keys.viewer);
      expect(r.codes).toContain('FORBIDDEN');
    });

    it(`editor → ${needed === 'editor' ? 'allowed' : 'FORBIDDEN'}`, async () => {
      const r = await callMutation(t, field, t.keys.editor);
      if (needed === 'editor') {
        expect(r.codes).not.toContain('FORBIDDEN');
        expect(r.codes).not.toContain('UNAUTHENTICATED');
      } else {
        expect(r.codes).toContain('FORBIDDEN');
      }
    });

    it('admin → allowed', async () => {
      const r = await callMutation(t, field, t.keys.admin);
      expect(r.codes).not.toContain('FORBIDDEN');
      expect(r.codes).not.toContain('UNAUTHENTICATED');
    });
  });
});

describe('authentication', () => {
  it('a wrong or revoked key is refused with 401 and a clear message', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { authorization: 'Bearer og_not-a-real-key', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(/invalid or revoked API key/);
  });

  it('queries need at least the viewer role; viewer reports who is asking', async () => {
    const anon = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ useCaseStateMachine { states } }' }) });
    expect(anon.status).toBe(401);
    const me = await t.client('viewer').request<{ viewer: { name: string; role: string } }>('{ viewer { name role } }');
    expect(me.viewer).toEqual({ name: 'key:test-viewer', role: 'viewer' });
  });

  it('OPSGRAPH_ANONYMOUS_ROLE=viewer lets anonymous read but not write', async () => {
    const open = await startTestServer({ OPSGRAPH_ANONYMOUS_ROLE: 'viewer' });
    try {
      const me = await open.client('anonymous').request<{ viewer: { role: string } }>('{ viewer { role } }');
      expect(me.viewer.role).toBe('viewer');
      const write = await callMutation(open, mutations.find((m) => m.name === 'createUseCase')!, null);
      expect(write.codes).toContain('FORBIDDEN');
    } finally {
      await open.close();
    }
  });
});
