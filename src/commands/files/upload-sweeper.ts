// Runs expirePendingUploads for as long as the server runs: a chain of timeouts (a slow
// sweep never overlaps the next), a few times per URL lifetime, at most once a minute.
// A failed sweep is logged and retried at the next tick; nothing it does needs finishing.
import { type CommandContext, type Services, SYSTEM_ACTOR } from '../command-context.ts';
import { type Periodic, startPeriodic } from '../periodic.ts';
import { expirePendingUploads } from './expire-uploads.ts';

export function sweepIntervalMs(services: Services): number {
  const { uploadUrlTtlMs, uploadExpiryGraceMs } = services.config.blobs;
  return Math.min(60_000, Math.max(200, Math.round((uploadUrlTtlMs + uploadExpiryGraceMs) / 4)));
}

export function startUploadSweeper(services: Services, intervalMs = sweepIntervalMs(services)): Periodic {
  const ctx: CommandContext = { services, actor: SYSTEM_ACTOR };
  const runOnce = async () => {
    try {
      const report = await expirePendingUploads(ctx);
      if (report.expired || report.partialsRemoved) services.logger.info(report, 'expired pending uploads');
    } catch (err) {
      services.logger.warn({ err }, 'expiring pending uploads failed; retrying at the next sweep');
    }
  };
  return startPeriodic(intervalMs, runOnce);
}
