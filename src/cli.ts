#!/usr/bin/env node
// The `opsgraph` command. Each group of subcommands lives in src/cli/<group>.ts and adds
// itself to the program; commander gives every command its --help.
import fs from 'node:fs';
import { Command } from 'commander';
import { registerKeyCommands } from './cli/keys.ts';
import { registerMigrateCommand } from './cli/migrate.ts';
import { registerServeCommand } from './cli/serve.ts';
import { registerDomainCommands } from './cli/domains.ts';
import { redactUrls } from './redact.ts';

const { version } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command()
  .name('opsgraph')
  .version(version, '-V, --version', 'print the version and exit')
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

// Errors can quote a URL (a database, S3 or SMTP address): never with its credentials.
program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof Error && err.name === 'ConfigError') {
    console.error(redactUrls(err.message));
    process.exit(2);
  }
  console.error(redactUrls(err instanceof Error ? err.message : String(err)));
  process.exit(1);
});
