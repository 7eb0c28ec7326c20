// Registry-wide figures (registryStats) and the score settings (registrySettings,
// updateRegistrySettings). Part of the model registry graph; imported by model.ts.
import { readSettings } from '../../commands/registry/shared.ts';
import { updateRegistrySettings, updateRegistrySettingsErrors } from '../../commands/registry/update-registry-settings.ts';
import type { Reader } from '../../db/database.ts';
import { builder } from '../builder.ts';
import { commandContext } from '../command.ts';
import { mutationErrors } from './errors.ts';

const RegistrySettingsRef = builder
  .objectRef<Awaited<ReturnType<typeof readSettings>>>('RegistrySettings')
  .implement({
    description: 'Weights of the performance score; they apply to versions registered after a change.',
    fields: (t) => ({
      r2Weight: t.exposeFloat('r2Weight'),
      mapeWeight: t.exposeFloat('mapeWeight'),
      anomalyMin: t.exposeFloat('anomalyMin'),
      anomalyMax: t.exposeFloat('anomalyMax'),
      updatedBy: t.exposeString('updatedBy'),
      updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'null while the defaults apply.' }),
    }),
  });

interface ModelTypeStats {
  modelType: string;
  models: number;
  versions: number;
  activeVersions: number;
  averageScore: number | null;
}
interface RegistryStats extends Omit<ModelTypeStats, 'modelType' | 'models' | 'versions'> {
  totalModels: number;
  totalVersions: number;
  byModelType: ModelTypeStats[];
}

const ModelTypeStatsRef = builder.objectRef<ModelTypeStats>('ModelTypeStats').implement({
  fields: (t) => ({
    modelType: t.exposeString('modelType'),
    models: t.exposeInt('models'),
    versions: t.exposeInt('versions'),
    activeVersions: t.exposeInt('activeVersions'),
    averageScore: t.exposeFloat('averageScore', { nullable: true, description: 'Mean score over all versions; null without versions.' }),
  }),
});

const RegistryStatsRef = builder.objectRef<RegistryStats>('RegistryStats').implement({
  fields: (t) => ({
    totalModels: t.exposeInt('totalModels'),
    totalVersions: t.exposeInt('totalVersions'),
    activeVersions: t.exposeInt('activeVersions'),
    averageScore: t.exposeFloat('averageScore', { nullable: true }),
    byModelType: t.field({ type: [ModelTypeStatsRef], resolve: (s) => s.byModelType }),
  }),
});

builder.queryFields((t) => ({
  registryStats: t.field({ type: RegistryStatsRef, resolve: (_root, _args, ctx) => registryStats(ctx.reader) }),
  registrySettings: t.field({ type: RegistrySettingsRef, resolve: (_root, _args, ctx) => readSettings(ctx.reader) }),
}));

async function registryStats(reader: Reader): Promise<RegistryStats> {
  // One pass per grouping; counts come back as bigint. Identifiers are quoted so the same
  // text runs on SQLite and PostgreSQL (which folds unquoted names to lower case).
  const rows = await reader.$queryRaw<Array<{ modelType: string; models: bigint; versions: bigint; activeVersions: bigint; averageScore: number | null }>>`
    SELECT m."modelType" AS "modelType",
           COUNT(DISTINCT m.id) AS models,
           COUNT(v.id) AS versions,
           COUNT(DISTINCT m."activeVersionId") AS "activeVersions",
           AVG(v."performanceScore") AS "averageScore"
    FROM "Model" m LEFT JOIN "ModelVersion" v ON v."modelId" = m.id
    GROUP BY m."modelType" ORDER BY m."modelType"`;
  const byModelType = rows.map((r) => ({
    modelType: r.modelType,
    models: Number(r.models),
    versions: Number(r.versions),
    activeVersions: Number(r.activeVersions),
    averageScore: r.averageScore === null ? null : Number(r.averageScore),
  }));
  const totalVersions = byModelType.reduce((n, r) => n + r.versions, 0);
  const scoreSum = byModelType.reduce((n, r) => n + (r.averageScore ?? 0) * r.versions, 0);
  return {
    totalModels: byModelType.reduce((n, r) => n + r.models, 0),
    totalVersions,
    activeVersions: byModelType.reduce((n, r) => n + r.activeVersions, 0),
    averageScore: totalVersions ? scoreSum / totalVersions : null,
    byModelType,
  };
}

builder.relayMutationField(
  'updateRegistrySettings',
  {
    inputFields: (t) => ({
      r2Weight: t.float(),
      mapeWeight: t.float(),
      anomalyMin: t.float(),
      anomalyMax: t.float(),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: mutationErrors(updateRegistrySettingsErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({ settings: await updateRegistrySettings(commandContext(ctx), input) }),
  },
  { outputFields: (t) => ({ settings: t.field({ type: RegistrySettingsRef, resolve: (p) => p.settings }) }) },
);
