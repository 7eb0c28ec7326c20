// `opsgraph upstream pull | push [--dry-run] | status [--json] | import-use-cases [--dry-run]`:
// the upstream PostgreSQL of the extraction workflow (UPSTREAM_DATABASE_URL). Modules load
// inside the actions so `opsgraph --help` stays fast.
import type { Command } from 'commander';
import { withCliContext } from './cli-context.ts';

export function registerUpstreamCommands(program: Command): void {
  const upstream = program.command('upstream').description('Sync with the upstream PostgreSQL (UPSTREAM_DATABASE_URL): members in, validated offices out.');

  upstream
    .command('pull')
    .description('Import current members and their contact pages (upsert; members no longer current are marked, never deleted).')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { syncFromUpstream } = await import('../commands/upstream/sync-from-upstream.ts');
      const { default: cliProgress } = await import('cli-progress');
      const bar = process.stderr.isTTY && !opts.json ? new cliProgress.SingleBar({ format: '{phase} [{bar}] {value}/{total}' }, cliProgress.Presets.shades_classic) : null;
      let phase = '';
      const report = await withCliContext((ctx) =>
        syncFromUpstream(ctx, {
          onProgress: (p) => {
            if (!bar) {
              if (!opts.json && p.phase !== phase) console.error(`${p.phase === 'read' ? 'reading upstream members' : 'writing local members'}…`);
              phase = p.phase;
              return;
            }
            if (p.phase !== phase) {
              if (phase) bar.stop();
              bar.start(p.total, 0, { phase: p.phase });
              phase = p.phase;
            }
            bar.update(p.done, { phase: p.phase });
          },
        }),
      ).finally(() => bar?.stop());
      console.log(
        opts.json
          ? JSON.stringify(report, null, 2)
          : `pulled ${report.read} current members from ${report.upstream}: ${report.inserted} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.markedNotCurrent} no longer current (${report.ms} ms)`,
      );
    });

  upstream
    .command('push')
    .description("Write unsynced validated offices to upstream's district_offices (INSERT … ON CONFLICT (office_id) DO UPDATE), then mark them synced.")
    .option('--dry-run', 'report what would be written; write nothing')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { dryRun?: boolean; json?: boolean }) => {
      const { exportToUpstream } = await import('../commands/upstream/export-to-upstream.ts');
      const report = await withCliContext((ctx) => exportToUpstream(ctx, { dryRun: opts.dryRun }));
      if (opts.json) return console.log(JSON.stringify(report, null, 2));
      const verb = report.dryRun ? 'DRY RUN (nothing written): would push' : 'pushed';
      console.log(`${verb} ${report.offices} validated office(s) to ${report.upstream}: ${report.inserted} new, ${report.updated} updated, in ${report.batches} batch(es) (${report.ms} ms)`);
      for (const id of report.officeIds.slice(0, 50)) console.log(`  ${id}`);
      if (report.officeIds.length > 50) console.log(`  … and ${report.officeIds.length - 50} more`);
    });

  upstream
    .command('status')
    .description('Counts on both sides, unsynced offices, and the last pull and push.')
    .option('--json', 'print the status as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { upstreamStatus } = await import('../upstream/status.ts');
      const s = await withCliContext((ctx) => upstreamStatus(ctx.services));
      if (opts.json) return console.log(JSON.stringify(s, null, 2));
      const r = s.remote;
      console.log(
        [
          `upstream ${s.upstream ?? "(not configured: set UPSTREAM_DATABASE_URL)"}`,
          r ? `  upstream: ${r.members} members (${r.currentMembers} current), ${r.contactPages} contact pages, ${r.districtOffices} district offices` : `  upstream: unavailable — ${s.remoteError}`,
          `  local:    ${s.local.members} members (${s.local.currentMembers} current), ${s.local.validatedOffices} validated offices, ${s.local.unsyncedOffices} unsynced`,
          `  extractions: ${Object.entries(s.local.extractionsByStatus).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`,
          `  last pull: ${s.lastPull ? `${s.lastPull.at} (${s.lastPull.details.read} read, ${s.lastPull.details.inserted} new, ${s.lastPull.details.updated} updated)` : 'never'}`,
          `  last push: ${s.lastPush ? `${s.lastPush.at} (${s.lastPush.details.rows} rows)` : 'never'}`,
        ].join('\n'),
      );
      if (!r) process.exitCode = 3;
    });

  upstream
    .command('import-use-cases')
    .description("Import seed 000's legacy PostgreSQL `use_cases` table (idempotent by id; unknown states are listed, not guessed).")
    .option('--dry-run', 'report what would be imported; write nothing')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { dryRun?: boolean; json?: boolean }) => {
      const { importUseCases } = await import('../commands/upstream/import-use-cases.ts');
      const r = await withCliContext((ctx) => importUseCases(ctx, { dryRun: opts.dryRun }));
      if (opts.json) console.log(JSON.stringify(r, null, 2));
      else {
        console.log(`${r.dryRun ? 'DRY RUN (nothing written): ' : ''}use_cases at ${r.upstream}: ${r.read} read, ${r.imported} ${r.dryRun ? 'to import' : 'imported'}, ${r.alreadyImported} already imported`);
        for (const u of r.unknownStates) console.log(`  UNKNOWN STATE ${u.id}: "${u.state}" (not imported)`);
        for (const u of r.invalid) console.log(`  INVALID ${u.id}: ${u.reason} (not imported)`);
      }
      if (r.unknownStates.length || r.invalid.length) process.exitCode = 3;
    });
}
