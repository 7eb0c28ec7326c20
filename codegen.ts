// GraphQL Code Generator: typed documents for the operations the tests (and client teams)
// use, generated from the committed schema.graphql. Output is committed; the codegen test
// fails when it is stale. Run `npm run generate:codegen` after changing operations.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/operations/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    'test/generated/': {
      preset: 'client',
      // persistedDocuments: also writes test/generated/persisted-documents.json (sha256 → document),
      // the file a server loads with PERSISTED_DOCUMENTS; each document carries its hash in
      // `__meta__.hash`, which clients send as {"documentId": …} (docs/clients.md).
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        importExtension: '.ts',
        scalars: { DateTime: 'string', JSON: 'unknown', BigInt: 'number | string', ID: 'string', File: 'File' },
      },
    },
  },
};

export default config;
