/**
 * Content hashes of IR operations and models: SHA-1 of each one's JSON. The parse stage
 * makes them as it builds the IR (an incremental run hashes only what it rebuilt);
 * emitters that key caches by IR content use them instead of serializing the IR again.
 */
import { hash } from 'node:crypto';
import type { Model, Operation } from './types.js';

export interface EntityHashes {
  /** By operation id. */
  operations: Record<string, string>;
  /** By model name. */
  models: Record<string, string>;
}

export const entityHash = (entity: Operation | Model): string => hash('sha1', JSON.stringify(entity), 'base64');
