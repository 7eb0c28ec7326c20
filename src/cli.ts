#!/usr/bin/env node
// The `opsgraph` command. Each group of subcommands lives in src/cli/<group>.ts and adds
// itself to the program; commander gives every command its --help.
import { Command } from 'commander';
import { registerKeyCommands } from './cli/keys.ts';
import { registerMigrateCommand } from './cli/migrate.ts';
import { registerServeCommand } from './cli/serve.ts';
import { registerDomainCommands } from './cli/domains.ts';

const program = new Command()
  .name('opsgraph')
  .description(
    'One GraphQL endpoint over an ML team\'s operational metadata.\n' +
      'Configuration comes from the environment (DATA_DIR, DATABASE_URL, PORT, S3_BUCKET, …); see README.md.',
  )
  .showHelpAfterError('(run with --help for usage)')
  .configureHelp({ sortSubcommands: true });

registerServeCommand(program);
registerMigrateCommand(program);
registerKeyCommands(program);
registerDomainCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof Error && err.name === 'ConfigError') {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
