// Plain-text tables for the console (and docs/performance.md).
import type { CaseResult, CaseRow } from './types.ts';

function num(v: unknown): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return v === undefined ? '' : String(v);
  if (Math.abs(v) >= 100 || Number.isInteger(v)) return Math.round(v).toLocaleString('en-US');
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const FIXED: Array<[keyof CaseRow, string]> = [
  ['reqPerSec', 'req/s'],
  ['deliveriesPerSec', 'deliveries/s'],
  ['p50Ms', 'p50 ms'],
  ['p99Ms', 'p99 ms'],
];

export function formatCase(r: CaseResult): string {
  const fixed = FIXED.filter(([k]) => r.rows.some((row) => row[k] !== undefined));
  const extra: string[] = [];
  for (const row of r.rows) {
    for (const k of Object.keys(row)) {
      if (k !== 'label' && !FIXED.some(([f]) => f === k) && !extra.includes(k)) extra.push(k);
    }
  }
  const headers = ['', ...fixed.map(([, h]) => h), ...extra];
  const rows = r.rows.map((row) => [row.label, ...fixed.map(([k]) => num(row[k])), ...extra.map((k) => num(row[k]))]);
  const ratio =
    r.headline ?? `ratio gateway/baseline = ${r.ratio.toFixed(2)}${r.target !== undefined ? ` (target ≥ ${r.target})` : ''}`;
  const notes = (r.notes ?? []).map((n) => `  note: ${n}`);
  return [table(headers, rows), ratio, ...notes].join('\n');
}
