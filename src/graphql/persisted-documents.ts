// Trusted documents: the operations a client build was compiled with, as GraphQL Code
// Generator's client preset writes them (`persisted-documents.json`: { "<hash>": "<document>" }).
// PERSISTED_DOCUMENTS names one such file or a folder of them (one per client app). They are
// read once at start: a new client build means a new file and a restart (or a rolling deploy).
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { ConfigError } from '../config.ts';

/** A configuration error: the server does not start with documents it cannot read. */
export class PersistedDocumentsError extends ConfigError {
  override name = 'PersistedDocumentsError';
}

export class PersistedDocuments {
  readonly #byId: ReadonlyMap<string, string>;
  readonly #texts: ReadonlySet<string>;
  /** Operation names of the documents: the labels the metrics may use (src/metrics.ts). */
  readonly operationNames: ReadonlySet<string>;

  constructor(byId: Map<string, string>) {
    this.#byId = byId;
    this.#texts = new Set(byId.values());
    const names = new Set<string>();
    for (const [id, text] of byId) {
      let document;
      try {
        document = parse(text);
      } catch (err) {
        throw new PersistedDocumentsError(`persisted document ${id} does not parse: ${(err as Error).message}`);
      }
      for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION && d.name) names.add(d.name.value);
    }
    this.operationNames = names;
  }

  get size(): number {
    return this.#byId.size;
  }

  get(id: string): string | undefined {
    return this.#byId.get(id);
  }

  /** A client that sends a trusted document's full text (graphql-ws clients must send `query`) sends a trusted document. */
  hasText(text: string): boolean {
    return this.#texts.has(text);
  }
}

function readManifest(file: string, into: Map<string, string>): void {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new PersistedDocumentsError(`${file}: not a JSON file (${(err as Error).message})`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new PersistedDocumentsError(`${file}: expected an object of "<hash>": "<document>" (the client preset's persisted-documents.json)`);
  }
  for (const [id, text] of Object.entries(json)) {
    if (typeof text !== 'string') throw new PersistedDocumentsError(`${file}: the document of ${id} is not a string`);
    const known = into.get(id);
    // Two client builds may share a document (same hash, same text); the same hash for two texts is a broken build.
    if (known !== undefined && known !== text) throw new PersistedDocumentsError(`${file}: ${id} names a different document in another file`);
    into.set(id, text);
  }
}

/** Reads a persisted-documents.json, or every *.json in a folder. */
export function loadPersistedDocuments(location: string): PersistedDocuments {
  const byId = new Map<string, string>();
  let stat: fs.Stats;
  try {
    stat = fs.statSync(location);
  } catch {
    throw new PersistedDocumentsError(`PERSISTED_DOCUMENTS: ${location} does not exist`);
  }
  if (stat.isDirectory()) {
    const files = fs.readdirSync(location).filter((f) => f.endsWith('.json')).sort();
    if (!files.length) throw new PersistedDocumentsError(`PERSISTED_DOCUMENTS: ${location} holds no .json file`);
    for (const f of files) readManifest(path.join(location, f), byId);
  } else {
    readManifest(location, byId);
  }
  return new PersistedDocuments(byId);
}
