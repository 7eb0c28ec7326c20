// Subcommands of the domain parts (jobs, registry, files, backup, db, cache). Each part adds
// one line here.
import type { Command } from 'commander';
import { registerBackupCommands } from './backup.ts';
import { registerCacheCommands } from './cache.ts';
import { registerDbCommands } from './db.ts';
import { registerFileCommands } from './files.ts';
import { registerJobCommands } from './jobs.ts';
import { registerRegistryCommands } from './registry.ts';
import { registerUpstreamCommands } from './upstream.ts';

export function registerDomainCommands(program: Command): void {
  void program;
  registerJobCommands(program);
  registerDbCommands(program);
  registerRegistryCommands(program);
  registerFileCommands(program);
  registerCacheCommands(program);
  registerBackupCommands(program);
  registerUpstreamCommands(program);
}
