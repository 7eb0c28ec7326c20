import type { Command } from 'commander';
import type { CommandContext } from '../commands/command-context.ts';
import { withCliContext } from './cli-context.ts';

function withServices<T>(fn: (s: CommandContext['services']) => Promise<T>): Promise<T> {
  return withCliContext((ctx) => fn(ctx.services));
}

export function registerKeyCommands(program: Command): void {
  const keys = program.command('keys').description('Manage API keys (roles: viewer, editor, admin).');
  keys
    .command('create')
    .description('Create a key and print it once (only its hash is stored).')
    .requiredOption('-r, --role <role>', 'viewer | editor | admin')
    .requiredOption('-n, --name <name>', 'who or what uses the key (shown in activity entries)')
    .action(async (opts: { role: string; name: string }) => {
      await withServices(async ({ db }) => {
        const { createApiKey } = await import('../auth/api-keys.ts');
        const { key, record } = await createApiKey(db, opts);
        console.error(`created ${record.role} key "${record.name}" (id ${record.id}, prefix ${record.prefix}); it is shown only now:`);
        console.log(key);
      });
    });
  keys
    .command('list')
    .description('List keys (prefix, name, role, created, revoked).')
    .option('--json', 'print a JSON array (id, prefix, name, role, createdAt, lastUsedAt, revokedAt) for scripts')
    .action(async (opts: { json?: boolean }) => {
      await withServices(async ({ db }) => {
        const { listApiKeys } = await import('../auth/api-keys.ts');
        const rows = await listApiKeys(db);
        if (opts.json) {
          // Never the hash: it is all an attacker needs to test guesses offline.
          const keys = rows.map(({ id, prefix, name, role, createdAt, lastUsedAt, revokedAt }) => ({ id, prefix, name, role, createdAt, lastUsedAt, revokedAt }));
          console.log(JSON.stringify(keys, null, 2));
          return;
        }
        if (!rows.length) console.log('no keys');
        for (const k of rows) {
          console.log(
            [k.prefix, k.role.padEnd(6), k.name, k.createdAt.toISOString(), k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active', k.id].join('  '),
          );
        }
      });
    });
  keys
    .command('revoke')
    .description('Revoke a key by id or prefix (running servers notice within seconds).')
    .argument('<idOrPrefix>')
    .action(async (idOrPrefix: string) => {
      await withServices(async ({ db }) => {
        const { revokeApiKey } = await import('../auth/api-keys.ts');
        const revoked = await revokeApiKey(db, idOrPrefix);
        if (!revoked) {
          console.error(`no active key with id or prefix "${idOrPrefix}"`);
          process.exitCode = 1;
          return;
        }
        console.log(`revoked "${revoked.name}" (${revoked.prefix})`);
      });
    });
}
