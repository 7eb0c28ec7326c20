// Every kind of activity entry opsgraph writes. `ActivityInput.activityType` is typed with this
// list (src/commands/command-context.ts), so a command cannot record a type the list lacks:
// webhook subscriptions are validated against it and can never name a type that is not written.

export const ACTIVITY_TYPES = [
  // use cases (seed 000)
  'use_case_created',
  'use_case_updated',
  'use_case_imported',
  'state_changed',
  'evaluation_results_recorded',
  // jobs (seed 002)
  'job_created',
  'job_updated',
  'job_deleted',
  'jobs_imported',
  'jobs_exported',
  // model registry (seed 004)
  'model_imported',
  'model_version_registered',
  'model_version_promoted',
  'model_version_deleted',
  'registry_settings_updated',
  // artifacts and files (seeds 000, 001)
  'artifact_created',
  'artifact_deleted',
  'file_upload_started',
  'file_uploaded',
  'file_upload_rejected',
  'file_upload_expired',
  'file_missing',
  'file_deleted',
  // backups
  'backup_created',
  'backup_failed',
  'database_restored',
  // extraction workflow and upstream sync (seed 003)
  'extraction_enqueued',
  'extraction_claimed',
  'extraction_lease_expired',
  'extraction_completed',
  'extraction_rejected',
  'extraction_validated',
  'extraction_failed',
  'upstream_pulled',
  'upstream_pushed',
  // notifications
  'webhook_created',
  'webhook_deleted',
  'notification_retried',
  'notification_delivered',
  'notification_failed',
] as const;

export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/**
 * The outbox's own bookkeeping (a delivery's outcome). A webhook cannot subscribe to these:
 * each delivery would record one more entry, which would call for one more delivery.
 */
export const DELIVERY_OUTCOME_TYPES: readonly ActivityType[] = ['notification_delivered', 'notification_failed'];

/** The activity types a webhook can subscribe to: all of them but the deliveries' outcomes. */
export const WEBHOOK_EVENT_TYPES: readonly ActivityType[] = ACTIVITY_TYPES.filter((t) => !DELIVERY_OUTCOME_TYPES.includes(t));

export function isWebhookEventType(type: string): type is ActivityType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}
