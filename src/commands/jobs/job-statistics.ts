// jobStatistics: every number is computed by SQLite (COUNT/SUM/GROUP BY), not by loading rows.
import type { Reader } from '../../db/database.ts';

export interface KeyCount {
  key: string | null;
  count: number;
}

export interface JobStatistics {
  totalJobs: number;
  enabledJobs: number;
  disabledJobs: number;
  byProduct: KeyCount[];
  byLanguage: KeyCount[];
  byPersona: KeyCount[];
}

// Column names come from this fixed list only, never from input.
const GROUP_COLUMNS = { byProduct: 'product', byLanguage: 'language', byPersona: 'persona' } as const;

async function countsBy(reader: Reader, column: string): Promise<KeyCount[]> {
  const rows = await reader.$queryRawUnsafe<Array<{ key: string | null; count: bigint }>>(
    `SELECT "${column}" AS key, COUNT(*) AS count FROM "Job" GROUP BY "${column}" ORDER BY count DESC, key`,
  );
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

export async function jobStatistics(reader: Reader): Promise<JobStatistics> {
  const [totals] = await reader.$queryRawUnsafe<Array<{ total: bigint; enabled: bigint | null }>>(
    // CASE rather than SUM(enabled): PostgreSQL does not sum booleans.
    `SELECT COUNT(*) AS total, SUM(CASE WHEN enabled THEN 1 ELSE 0 END) AS enabled FROM "Job"`,
  );
  const totalJobs = Number(totals?.total ?? 0);
  const enabledJobs = Number(totals?.enabled ?? 0);
  const [byProduct, byLanguage, byPersona] = await Promise.all(
    Object.values(GROUP_COLUMNS).map((column) => countsBy(reader, column)),
  );
  return { totalJobs, enabledJobs, disabledJobs: totalJobs - enabledJobs, byProduct: byProduct!, byLanguage: byLanguage!, byPersona: byPersona! };
}
