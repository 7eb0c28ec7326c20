// Subcommands of the domain parts (jobs, registry, files, backup, db, cache). Each part adds
// one line here.
import type { Command } from 'commander';
import { registerRegistryCommands } from './registry.ts';

export function registerDomainCommands(program: Command): void {
  void program;
  registerRegistryCommands(program);
}
