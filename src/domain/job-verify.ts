// `jobs verify`: how a campaigns.yaml and the database differ, by job id. Pure.
import { differingKeys, type JobData } from './job.ts';

export interface JobDifference {
  id: string;
  /** Top-level keys of the job mapping whose values differ. */
  fields: string[];
}

export interface VerifyResult {
  missingInDb: string[];
  missingInFile: string[];
  differing: JobDifference[];
}

export function compareJobs(fileJobs: ReadonlyMap<string, JobData>, dbJobs: ReadonlyMap<string, JobData>): VerifyResult {
  const result: VerifyResult = { missingInDb: [], missingInFile: [], differing: [] };
  for (const [id, data] of fileJobs) {
    const stored = dbJobs.get(id);
    if (!stored) result.missingInDb.push(id);
    else {
      const fields = differingKeys(data, stored);
      if (fields.length) result.differing.push({ id, fields });
    }
  }
  for (const id of dbJobs.keys()) if (!fileJobs.has(id)) result.missingInFile.push(id);
  return result;
}

/** Exit status bits of `jobs verify` (1 stays "the command itself failed"). */
export const VERIFY_EXIT = { missingInDb: 2, missingInFile: 4, differing: 8, rejected: 16 } as const;

export function verifyExitCode(r: VerifyResult, rejectedEntries: number): number {
  return (
    (r.missingInDb.length ? VERIFY_EXIT.missingInDb : 0) |
    (r.missingInFile.length ? VERIFY_EXIT.missingInFile : 0) |
    (r.differing.length ? VERIFY_EXIT.differing : 0) |
    (rejectedEntries ? VERIFY_EXIT.rejected : 0)
  );
}
