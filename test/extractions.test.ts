// The extraction workflow over the real server: queue, 50 concurrent workers, leases,
// multipart artifacts served sandboxed, failures with retries, review with stable office ids,
// typed errors, roles, and nested lists that batch.
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartRequest } from './support/files.ts';
import { sqlStatementsOf, startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function seedMembers(count: number, prefix: string, state = 'CA'): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);
  await t.server.services.db.write(async (tx) => {
    await tx.member.createMany({
      data: ids.map((bioguideId, i) => ({
        bioguideId,
        currentMember: true,
        firstName: 'Ana',
        lastName: `Member ${i}`,
        name: `Ana Member ${i}`,
        state,
        contactPage: `https://${bioguideId}.example/contact`,
        pulledAt: new Date(),
      })),
    });
  });
  return ids;
}

const gql = (role: 'admin' | 'editor' | 'viewer' = 'editor') => ({
  request: <T = Any>(query: string, variables?: Record<string, unknown>) => t.client(role).request<T>(query, variables),
});

const ENQUEUE = `mutation($input: EnqueueExtractionsInput!) { enqueueExtractions(input: $input) {
  __typename ... on EnqueueExtractionsPayload { extractions { id status priority member { bioguideId } } skipped }
  ... on DomainError { message code } } }`;
const CLAIM = `mutation($input: ClaimExtractionInput!) { claimExtraction(input: $input) {
  __typename ... on ClaimExtractionPayload { extraction { id status worker version member { bioguideId } } }
  ... on DomainError { message code } } }`;
const FAIL = `mutation($input: FailExtractionInput!) { failExtraction(input: $input) {
  __typename ... on FailExtractionPayload { extraction { id status retryCount errorMessage version } }
  ... on DomainError { message code } } }`;
const COMPLETE = `mutation($input: CompleteExtractionInput!) { completeExtraction(input: $input) {
  __typename ... on CompleteExtractionPayload { extraction { id status version offices { position address city state phone }
    artifacts { id artifactType filename contentType size storedSize compressed checksumSha256 downloadUrl } } }
  ... on DomainError { message code } ... on ArtifactTooLargeError { maxBytes } } }`;
const VALIDATE = `mutation($input: ValidateExtractionInput!) { validateExtraction(input: $input) {
  __typename ... on ValidateExtractionPayload { extraction { id status version } offices { officeId phone syncedToUpstream } }
  ... on DomainError { message code } ... on StaleVersionError { currentVersion } } }`;

async function claim(worker: string, leaseSeconds?: number) {
  const r = await gql().request(CLAIM, { input: { worker, leaseSeconds } });
  return r.claimExtraction.extraction as { id: string; status: string; worker: string; version: number; member: { bioguideId: string } } | null;
}

async function drainQueue(): Promise<void> {
  // Earlier tests may leave PENDING work; each test starts from an empty queue.
  for (let c = await claim('drain', 3600); c; c = await claim('drain', 3600)) {
    await gql().request(FAIL, { input: { id: c.id, error: 'drained by the test', retryable: false } });
  }
}

beforeAll(async () => {
  t = await startTestServer({ EXTRACTION_MAX_RETRIES: '2', EXTRACTION_ARTIFACT_MAX_BYTES: '64kb' });
});
afterAll(async () => {
  await t?.close();
});

describe('queue', () => {
  it('enqueues by bioguide id, skips members with an open extraction, and refuses unknown ids', async () => {
    const ids = await seedMembers(3, 'Q');
    const first = await gql().request(ENQUEUE, { input: { bioguideIds: ids.slice(0, 2), priority: 5 } });
    expect(first.enqueueExtractions.extractions.map((e: Any) => [e.member.bioguideId, e.status, e.priority])).toEqual([
      [ids[0], 'PENDING', 5],
      [ids[1], 'PENDING', 5],
    ]);
    const again = await gql().request(ENQUEUE, { input: { bioguideIds: ids } });
    expect(again.enqueueExtractions.extractions.map((e: Any) => e.member.bioguideId)).toEqual([ids[2]]);
    expect(again.enqueueExtractions.skipped).toEqual([ids[0], ids[1]]);
    const unknown = await gql().request(ENQUEUE, { input: { bioguideIds: ['Z999999'] } });
    expect(unknown.enqueueExtractions).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const both = await gql().request(ENQUEUE, { input: { bioguideIds: ids, withoutOffices: true } });
    expect(both.enqueueExtractions.__typename).toBe('ValidationError');
    await drainQueue();
  });

  it('hands the highest priority, then oldest, PENDING extraction out first', async () => {
    const ids = await seedMembers(3, 'P');
    await gql().request(ENQUEUE, { input: { bioguideIds: [ids[0]], priority: 1 } });
    await gql().request(ENQUEUE, { input: { bioguideIds: [ids[1]], priority: 9 } });
    await gql().request(ENQUEUE, { input: { bioguideIds: [ids[2]], priority: 1 } });
    const order = [await claim('w'), await claim('w'), await claim('w')].map((c) => c!.member.bioguideId);
    expect(order).toEqual([ids[1], ids[0], ids[2]]);
    expect(await claim('w')).toBeNull();
    await drainQueue();
    for (const id of ids) await t.server.services.db.write((tx) => tx.extraction.updateMany({ where: { bioguideId: id, status: 'EXTRACTING' }, data: { status: 'REJECTED' } }));
  });

  it('50 workers claiming at once never get the same extraction', async () => {
    await drainQueue();
    const ids = await seedMembers(40, 'C');
    await gql().request(ENQUEUE, { input: { bioguideIds: ids } });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => claim(`worker-${i}`, 600)));
    const claimed = results.filter((r) => r !== null);
    expect(claimed).toHaveLength(40);
    expect(new Set(claimed.map((c) => c!.id)).size).toBe(40);
    expect(results.filter((r) => r === null)).toHaveLength(10);
    for (const [i, r] of results.entries()) if (r) expect(r.worker).toBe(`worker-${i}`);
  });

  it('returns an extraction whose lease expired to PENDING, and the old worker can no longer complete it', async () => {
    await drainQueue();
    const [id] = await seedMembers(1, 'L');
    await gql().request(ENQUEUE, { input: { bioguideIds: [id] } });
    const first = await claim('slow-worker', 1);
    expect(first!.member.bioguideId).toBe(id);
    await new Promise((r) => setTimeout(r, 1200)); // let the one-second lease run out
    const second = await claim('fast-worker', 600);
    expect(second!.id).toBe(first!.id);
    const late = await gql().request(FAIL, { input: { id: first!.id, error: 'late', worker: 'slow-worker' } });
    expect(late.failExtraction).toMatchObject({ __typename: 'LeaseConflictError', code: 'LEASE_CONFLICT' });
    const history = await gql('viewer').request(`query($id: ID!) { node(id: $id) { ... on Extraction { activity(first: 10) { edges { node { activityType } } } } } }`, { id: first!.id });
    expect(history.node.activity.edges.map((e: Any) => e.node.activityType)).toEqual(['extraction_claimed', 'extraction_lease_expired', 'extraction_claimed', 'extraction_enqueued']);
  });
});

describe('workers and reviewers', () => {
  it('retries a retryable failure until EXTRACTION_MAX_RETRIES, then keeps it FAILED', async () => {
    await drainQueue();
    const [id] = await seedMembers(1, 'F');
    await gql().request(ENQUEUE, { input: { bioguideIds: [id] } });
    const statuses: Array<[string, number]> = [];
    for (let i = 0; i < 3; i++) {
      const c = await claim('w');
      const r = await gql().request(FAIL, { input: { id: c!.id, error: `timeout ${i}`, retryable: true, worker: 'w' } });
      statuses.push([r.failExtraction.extraction.status, r.failExtraction.extraction.retryCount]);
    }
    expect(statuses).toEqual([['PENDING', 1], ['PENDING', 2], ['FAILED', 2]]);
    expect(await claim('w')).toBeNull();
  });

  it('completes with offices and multipart artifacts; the HTML is served decompressed and sandboxed', async () => {
    await drainQueue();
    const [id] = await seedMembers(1, 'H');
    await gql().request(ENQUEUE, { input: { bioguideIds: [id] } });
    const c = await claim('w');
    const html = `<html><body><script>fetch('/graphql')</script>${'<p>Office: 123 Main St</p>'.repeat(200)}</body></html>`;
    const llm = JSON.stringify({ offices: [{ address: '123 Main St' }] });
    const { status, body } = await multipartRequest(
      t.url,
      t.keys.editor,
      parse(COMPLETE) as never,
      {
        input: {
          id: c!.id,
          worker: 'w',
          offices: [{ address: '123 Main St', city: 'Springfield', state: 'il', zip: '62701', phone: '555-0100' }, { address: '9 Elm St', city: 'Peoria', state: 'IL' }],
          artifacts: [
            { artifactType: 'HTML', file: null },
            { artifactType: 'LLM_RESPONSE', file: null },
          ],
        },
      } as never,
      [
        { path: 'variables.input.artifacts.0.file', filename: 'contact.html', contentType: 'text/html', body: html },
        { path: 'variables.input.artifacts.1.file', filename: 'llm.json', contentType: 'application/json', body: llm },
      ],
    );
    expect(status).toBe(200);
    const done = (body.data as Any).completeExtraction;
    expect(done.__typename).toBe('CompleteExtractionPayload');
    expect(done.extraction.status).toBe('EXTRACTED');
    expect(done.extraction.offices.map((o: Any) => o.state)).toEqual(['IL', 'IL']);
    const [htmlArtifact, llmArtifact] = done.extraction.artifacts;
    expect(htmlArtifact).toMatchObject({ artifactType: 'HTML', filename: 'contact.html', contentType: 'text/html', size: Buffer.byteLength(html), compressed: true });
    expect(htmlArtifact.storedSize).toBeLessThan(htmlArtifact.size);

    const res = await fetch(htmlArtifact.downloadUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(html);
    const json = await fetch(llmArtifact.downloadUrl);
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(await json.text()).toBe(llm);

    // A tampered signature or another artifact's id is refused.
    const tampered = new URL(htmlArtifact.downloadUrl);
    tampered.pathname = `/extraction-artifacts/${llmArtifact.id}`;
    expect((await fetch(tampered)).status).toBe(403);
    expect((await fetch(t.url.replace('/graphql', '/healthz'))).status).toBe(200);
  });

  it('refuses an artifact over the cap as a typed error and stores nothing', async () => {
    await drainQueue();
    const [id] = await seedMembers(1, 'B');
    await gql().request(ENQUEUE, { input: { bioguideIds: [id] } });
    const c = await claim('w');
    const { body } = await multipartRequest(
      t.url,
      t.keys.editor,
      parse(COMPLETE) as never,
      { input: { id: c!.id, offices: [{ address: '1 A St', city: 'X' }], artifacts: [{ artifactType: 'HTML', file: null }] } } as never,
      [{ path: 'variables.input.artifacts.0.file', filename: 'big.html', contentType: 'text/html', body: Buffer.alloc(65 * 1024, 97) }],
    );
    expect((body.data as Any).completeExtraction).toMatchObject({ __typename: 'ArtifactTooLargeError', code: 'ARTIFACT_TOO_LARGE', maxBytes: 64 * 1024 });
    const after = await gql('viewer').request(`query($id: ID!) { node(id: $id) { ... on Extraction { status offices { address } artifacts { id } } } }`, { id: c!.id });
    expect(after.node).toEqual({ status: 'EXTRACTING', offices: [], artifacts: [] });
  });

  it('approves with corrections under stable office ids; a changed office becomes unsynced again', async () => {
    await drainQueue();
    const [id] = await seedMembers(1, 'V');
    const office = { address: '123 Main St', city: 'Springfield', state: 'IL', zip: '62701', phone: '555-0100' };
    const review = async (phone: string) => {
      await gql().request(ENQUEUE, { input: { bioguideIds: [id] } });
      const c = await claim('w');
      const done = await gql().request(COMPLETE, { input: { id: c!.id, offices: [office] } });
      const version = done.completeExtraction.extraction.version;
      const stale = await gql().request(VALIDATE, { input: { id: c!.id, decision: 'APPROVE', expectedVersion: version - 1 } });
      expect(stale.validateExtraction).toMatchObject({ __typename: 'StaleVersionError', currentVersion: version });
      const r = await gql().request(VALIDATE, { input: { id: c!.id, decision: 'APPROVE', offices: [{ ...office, phone }], expectedVersion: version } });
      expect(r.validateExtraction.extraction.status).toBe('VALIDATED');
      return r.validateExtraction.offices as Array<{ officeId: string; phone: string; syncedToUpstream: boolean }>;
    };
    const [first] = await review('555-0199');
    expect(first!.phone).toBe('555-0199');
    await t.server.services.db.write((tx) => tx.validatedOffice.update({ where: { officeId: first!.officeId }, data: { syncedToUpstream: true, syncedAt: new Date() } }));
    const [second] = await review('555-0123');
    expect(second).toEqual({ officeId: first!.officeId, phone: '555-0123', syncedToUpstream: false });
    const unsynced = await gql('viewer').request(`{ validatedOffices(filter: { synced: false, bioguideId: "${id}" }) { totalCount edges { node { officeId member { bioguideId } } } } }`);
    expect(unsynced.validatedOffices.totalCount).toBe(1);

    // Approving a VALIDATED extraction again is not a move the state machine has.
    const ext = await gql('viewer').request(`{ extractions(filter: { bioguideId: "${id}", status: [VALIDATED] }) { edges { node { id } } } }`);
    const again = await gql().request(VALIDATE, { input: { id: ext.extractions.edges[0].node.id, decision: 'REJECT' } });
    expect(again.validateExtraction).toMatchObject({ __typename: 'InvalidTransitionError', code: 'INVALID_TRANSITION' });
  });

  it('keeps the mutations to editors', async () => {
    const r = await t.client('viewer').rawRequest(CLAIM, { input: { worker: 'v' } }).catch((e) => e.response);
    expect(r.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('reads', () => {
  const NESTED = `query($n: Int) { members(first: $n, filter: { state: "NV" }) { totalCount edges { node { bioguideId name
    validatedOffices { officeId }
    extractions(first: 5) { totalCount edges { node { status member { name } offices { address } artifacts { filename } activity(first: 3) { edges { node { activityType } } } } } } } } } }`;

  it('loads nested lists with a statement count bounded by depth, not by rows', async () => {
    await drainQueue();
    const ids = await seedMembers(30, 'N', 'NV');
    // Every member gets the same shape: one completed extraction with two offices.
    await gql().request(ENQUEUE, { input: { bioguideIds: ids } });
    for (let c = await claim('w'); c; c = await claim('w')) {
      await gql().request(COMPLETE, { input: { id: c.id, offices: [{ address: '1 A St', city: 'Reno' }, { address: '2 B St', city: 'Elko' }] } });
    }
    const small = await sqlStatementsOf<Any>(t.client('viewer'), NESTED, { n: 3 });
    const large = await sqlStatementsOf<Any>(t.client('viewer'), NESTED, { n: 30 });
    expect(large.data.members.edges).toHaveLength(30);
    expect(large.data.members.edges[29].node.extractions.edges[0].node.offices).toHaveLength(2);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(12);
  });

  it('filters members without offices, as the seed does', async () => {
    const r = await gql('viewer').request(`{ all: members { totalCount } without: members(filter: { withoutOffices: true }) { totalCount } with: members(filter: { withoutOffices: false }) { totalCount } }`);
    expect(r.without.totalCount + r.with.totalCount).toBe(r.all.totalCount);
    expect(r.with.totalCount).toBe(1);
  });
});
