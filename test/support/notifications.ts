// Helpers of the notification tests: drive a use case through the graph, and wait for the
// outbox to settle (the dispatcher works in the background, so tests poll the graph).
import type { GraphQLClient } from 'graphql-request';
import { CreateUseCaseDocument } from '../generated/graphql.ts';

export interface NotificationView {
  id: string;
  idempotencyKey: string;
  channel: 'EMAIL' | 'WEBHOOK';
  target: string;
  subject: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  source: { id: string; activityType: string; details: Record<string, unknown> } | null;
  history: Array<{ number: number; outcome: string; error: string | null; worker: string }>;
}

export const NOTIFICATION_FIELDS = `id idempotencyKey channel target subject status attempts lastError deliveredAt createdAt
  source { id activityType details } history { number outcome error worker }`;

export async function createUseCase(client: GraphQLClient, name: string, teamEmail = 'ml-team@example.test'): Promise<string> {
  const r = await client.request(CreateUseCaseDocument, { input: { name, teamEmail } });
  if (r.createUseCase.__typename !== 'CreateUseCasePayload') throw new Error(JSON.stringify(r));
  return r.createUseCase.useCase.id;
}

export async function transition(client: GraphQLClient, id: string, to: string, notes?: string): Promise<string> {
  const r = await client.request<{ transitionUseCase: { __typename: string; message?: string } }>(
    `mutation T($input: TransitionUseCaseInput!) { transitionUseCase(input: $input) { __typename ... on DomainError { message } } }`,
    { input: { id, to, notes } },
  );
  return r.transitionUseCase.__typename;
}

export async function notificationsOf(client: GraphQLClient, useCaseId: string): Promise<NotificationView[]> {
  const r = await client.request<{ node: { notifications: { edges: Array<{ node: NotificationView }> } } | null }>(
    `query N($id: ID!) { node(id: $id) { ... on UseCase { notifications(first: 50) { edges { node { ${NOTIFICATION_FIELDS} } } } } } }`,
    { id: useCaseId },
  );
  return r.node?.notifications.edges.map((e) => e.node) ?? [];
}

/** Polls until `check` returns a value (not undefined), or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** The settled notification of a use case on a channel (DELIVERED or FAILED). */
export function settled(client: GraphQLClient, useCaseId: string, channel: 'EMAIL' | 'WEBHOOK', timeoutMs?: number): Promise<NotificationView> {
  return waitFor(`a settled ${channel} notification`, async () => {
    const n = (await notificationsOf(client, useCaseId)).find((x) => x.channel === channel);
    return n && n.status !== 'PENDING' ? n : undefined;
  }, timeoutMs);
}

export const FAST_OUTBOX = {
  NOTIFY_POLL_INTERVAL: '50ms',
  NOTIFY_BACKOFF_BASE: '100ms',
  NOTIFY_BACKOFF_MAX: '400ms',
  NOTIFY_SEND_TIMEOUT: '3s',
};
