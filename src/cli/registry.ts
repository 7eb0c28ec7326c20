// `opsgraph registry import DIR [--dry-run]`: the legacy JSON registry into this one (seed
// 002's migration). The summary is meant to be checked against the source by a person.
import os from 'node:os';
import type { Command } from 'commander';
import type { CommandContext } from '../commands/command-context.ts';
import type { ImportReport } from '../importers/legacy-registry.ts';

export function registerRegistryCommands(program: Command): void {
  const registry = program.command('registry').description('The model registry.');
  registry
    .command('import')
    .description(
      'Import a legacy JSON registry (DIR/registry.json + DIR/metadata/*.json). Keeps legacy ids, scores and active ' +
        'versions; skips and reports broken entries; backs DIR up as a .tar.gz first; running it again changes nothing.',
    )
    .argument('<dir>', 'the legacy registry folder')
    .option('--dry-run', 'report counts and problems, write nothing (no backup either)')
    .option('--backup-dir <dir>', "where to write the backup (default: DIR's parent folder)")
    .option('--json', 'print the report as JSON')
    .action(async (dir: string, opts: { dryRun?: boolean; backupDir?: string; json?: boolean }) => {
      // Loaded here, not at the top, so `opsgraph --help` stays fast.
      const { loadConfig } = await import('../config.ts');
      const { createLogger } = await import('../logger.ts');
      const { openServices } = await import('../services.ts');
      const { importLegacyRegistry } = await import('../importers/legacy-registry.ts');
      const config = loadConfig();
      const services = await openServices(config, { logger: createLogger('warn') });
      try {
        const ctx: CommandContext = { services, actor: { label: `cli:${os.userInfo().username}`, role: 'admin' } };
        const report = await importLegacyRegistry(ctx, dir, { dryRun: opts.dryRun, backupDir: opts.backupDir });
        console.log(opts.json ? JSON.stringify(report, null, 2) : formatReport(report));
        if (report.problems.some((p) => p.skipped)) process.exitCode = 3;
      } finally {
        await services.close();
      }
    });
}

export function formatReport(r: ImportReport): string {
  const lines = [
    `${r.dryRun ? 'DRY RUN (nothing written): ' : ''}legacy registry ${r.source}`,
    `  source:   ${r.sourceCounts.models} models, ${r.sourceCounts.versionsListed} versions listed`,
    `  models:   ${r.models.created} ${r.dryRun ? 'to create' : 'created'}, ${r.models.alreadyImported} already imported, ${r.models.skipped} skipped`,
    `  versions: ${r.versions.created} ${r.dryRun ? 'to create' : 'created'}, ${r.versions.alreadyImported} already imported, ${r.versions.skipped} skipped` +
      ` (${r.versions.withoutValidation} of the new ones without validation_performed)`,
    `  active versions ${r.dryRun ? 'to set' : 'set'}: ${r.activeVersionsSet}`,
    `  backup:   ${r.backupFile ?? (r.dryRun ? 'none (dry run)' : 'none (nothing to import)')}`,
  ];
  if (r.changes.length) lines.push(`  ${r.dryRun ? 'would change' : 'changed'}:`);
  for (const c of r.changes) {
    lines.push(`    ${c.legacyId} (${c.sensorId}/${c.modelType}): ${c.newVersions} of ${c.listed} listed versions${c.activeVersion ? `, active ${c.activeVersion}` : ''}`);
  }
  if (r.problems.length) {
    lines.push(`  problems (${r.problems.length}):`);
    for (const p of r.problems) lines.push(`    ${p.skipped ? 'SKIPPED' : 'WARNING'} ${p.name}: ${p.kind} — ${p.detail}`);
  } else {
    lines.push('  problems: none');
  }
  return lines.join('\n');
}
