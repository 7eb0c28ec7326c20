// GraphQL-side job input (camelCase columns + `extra`) → the job mapping kept in `data`.
// Errors from the mapping name snake_case YAML keys; these helpers rename them to the input
// field the client actually sent.
import { JOB_FIELD_KEYS, type JobColumns, type JobData, jobFromData } from '../../domain/job.ts';
import { ValidationError } from '../../errors.ts';

const INPUT_FIELD_OF_KEY = new Map<string, string>(Object.entries(JOB_FIELD_KEYS).map(([field, key]) => [key, field]));

/** jobFromData, with any ValidationError renamed to the GraphQL input field. */
export function columnsFromInput(data: JobData): JobColumns {
  try {
    return jobFromData(data);
  } catch (err) {
    if (err instanceof ValidationError) {
      const field = INPUT_FIELD_OF_KEY.get(err.field) ?? err.field;
      throw new ValidationError(field, err.message.slice(err.field.length + 2));
    }
    throw err;
  }
}
