// `opsgraph upstream import-use-cases [--dry-run]`: seed 000's migration from PostgreSQL. Reads
// a legacy `use_cases` table (the seed's column names) into UseCase, keeping the legacy ids;
// ids already here are skipped (idempotent). A state this system does not know is listed and
// the row left out: guessing a workflow position would be worse than asking a person.
import { isUseCaseState } from '../../domain/use-case-state-machine.ts';
import { upstreamTarget, withUpstream } from '../../upstream/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';

export interface UseCaseImportReport {
  upstream: string;
  dryRun: boolean;
  read: number;
  imported: number;
  alreadyImported: number;
  unknownStates: Array<{ id: string; state: string }>;
  invalid: Array<{ id: string; reason: string }>;
}

type LegacyRow = {
  id: string;
  name: string | null;
  team_email: string | null;
  state: string | null;
  created_at: Date | null;
  updated_at: Date | null;
  config_file_path: string | null;
  dataset_file_path: string | null;
  evaluation_results: string | null;
};

export async function importUseCases(ctx: CommandContext, options: { dryRun?: boolean } = {}): Promise<UseCaseImportReport> {
  const target = upstreamTarget(ctx.services.config);
  const rows = await withUpstream(target, 'reading use_cases', async (client) =>
    (await client.query<LegacyRow>(
      `SELECT id::text AS id, name, team_email, state, created_at, updated_at, config_file_path, dataset_file_path, evaluation_results::text AS evaluation_results
         FROM use_cases ORDER BY id`,
    )).rows,
  );
  const report: UseCaseImportReport = { upstream: target.label, dryRun: Boolean(options.dryRun), read: rows.length, imported: 0, alreadyImported: 0, unknownStates: [], invalid: [] };
  const existing = new Set((await ctx.services.db.reader.useCase.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true } })).map((u) => u.id));
  const fresh: Array<{ row: LegacyRow; state: string }> = [];
  for (const row of rows) {
    if (existing.has(row.id)) {
      report.alreadyImported += 1;
      continue;
    }
    const state = (row.state ?? '').trim().toUpperCase();
    if (!isUseCaseState(state)) {
      report.unknownStates.push({ id: row.id, state: row.state ?? '' });
      continue;
    }
    if (!row.name?.trim() || !row.team_email?.includes('@')) {
      report.invalid.push({ id: row.id, reason: !row.name?.trim() ? 'no name' : `team_email "${row.team_email ?? ''}" is not an address` });
      continue;
    }
    fresh.push({ row, state });
  }
  report.imported = fresh.length;
  if (options.dryRun || !fresh.length) return report;

  await ctx.services.db.write(
    async (tx, afterCommit) => {
      for (const { row, state } of fresh) {
        const createdAt = row.created_at ?? new Date();
        await tx.useCase.create({
          data: {
            id: row.id,
            name: row.name!.trim(),
            teamEmail: row.team_email!.trim().toLowerCase(),
            state,
            createdAt,
            evaluationSummary: row.evaluation_results,
            resultsRecordedAt: row.evaluation_results ? (row.updated_at ?? createdAt) : null,
          },
        });
        await recordActivity(tx, afterCommit, ctx, {
          subjectType: 'UseCase',
          subjectId: row.id,
          activityType: 'use_case_imported',
          description: `imported from the legacy use_cases table at ${target.label} in state ${state}`,
          // The legacy file paths are kept for a person to attach the files; they are not fetched.
          details: { legacyState: row.state, configFilePath: row.config_file_path, datasetFilePath: row.dataset_file_path, legacyUpdatedAt: row.updated_at },
        });
      }
    },
    { timeoutMs: 5 * 60_000 },
  );
  return report;
}
