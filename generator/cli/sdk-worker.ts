/**
 * The SDK emitter on its own thread (generator/cli/sdk-thread.ts starts it): it loads
 * ts-morph as soon as it starts, while the main thread reads and parses the pages, then
 * receives the IR (as its JSON text) and the cached printed files, and posts back the
 * files and what it used from or added to the cache.
 */
import { parentPort } from 'node:worker_threads';
import type { Ir } from '../ir/types.js';

const emitter = import('../emit/sdk/index.js');

export interface SdkRequest {
  irJson: string;
  known: [string, string][];
}

export interface SdkReply {
  files: [string, string][];
  used: [string, string, string | undefined][];
}

parentPort!.once('message', async ({ irJson, known }: SdkRequest) => {
  const { emitSdk } = await emitter;
  const used: SdkReply['used'] = [];
  const files = emitSdk(JSON.parse(irJson) as Ir, {}, { known: new Map(known), used });
  parentPort!.postMessage({ files: [...files], used } satisfies SdkReply);
});
