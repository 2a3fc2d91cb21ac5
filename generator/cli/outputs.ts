/** The output tree under `--out`, by target: what `generate` writes and `--check` compares. */
import type { EmitCache } from '../cache/emit.js';
import type { CachedSdkFile } from '../emit/sdk/index.js';
import type { EntityHashes } from '../ir/hashes.js';
import type { Diagnostic, Ir } from '../ir/types.js';
import type { SdkThread } from './sdk-thread.js';
import { phase } from './timings.js';
import type { Content } from './write.js';

export const TARGETS = ['ir', 'sdk', 'docs'] as const;
export type Target = (typeof TARGETS)[number];

/** Top-level entries of `--out` each target owns; nothing else under `--out` is touched. */
export const TARGET_ENTRIES: Record<Target, string> = { ir: 'ir.json', sdk: 'sdk', docs: 'docs' };

export const irJson = (ir: Ir): string => `${JSON.stringify(ir, null, 2)}\n`;

export interface OutputPlan {
  /** Content by path; files the emit cache holds stay undecoded (StoredText) until written or compared. */
  files: Map<string, Content>;
  managed: string[];
  /** What the emitters raised (e.g. the docs emitter's DOCS_LOCALE_FALLBACK warnings), for the user. */
  diagnostics: Diagnostic[];
}

export interface PlanOptions {
  /** Rendered docs pages and printed SDK files from earlier runs. */
  cache?: EmitCache;
  /** The SDK, when the caller had it emitted on its own thread (emitOnSdkThread): it then runs beside the docs emitter. */
  sdk?: Promise<Map<string, Content>>;
  /** The IR's JSON text when the caller already has it. */
  irText?: string;
  /** Content hashes of the IR's operations and models, when the parse stage made them (they key the docs cache). */
  hashes?: EntityHashes;
  /**
   * Work for this thread while the SDK thread finishes (it would wait otherwise), given
   * the entries of `--out` the plan manages.
   */
  whileSdkRuns?: (managed: string[]) => void;
}

/** The entries of `--out` the targets own, in the order plans list them. */
export function managedEntries(targets: Set<Target>, irInTree: boolean): string[] {
  return TARGETS.filter((target) => targets.has(target) && (target !== 'ir' || irInTree)).map((target) => TARGET_ENTRIES[target]);
}

function storedSdkFile(cache: EmitCache | undefined, key: string): Content {
  const stored = cache?.sdkFile(key);
  // The emitter only names keys it was given from this cache.
  if (!stored) throw new Error(`internal: the SDK emitter reused ${key}, which the emit cache does not hold`);
  return stored;
}

/** Files the SDK emitter found in the cache come back by key: their text is read from the cache only if needed. */
function resolveSdk(cache: EmitCache | undefined, printed: Iterable<[string, string | CachedSdkFile]>): Map<string, Content> {
  return new Map([...printed].map(([path, file]) => [path, typeof file === 'string' ? file : storedSdkFile(cache, file.cached)]));
}

/** Hands the IR (its JSON text) to the SDK thread; the promise is the SDK's files, recorded in the cache. */
export function emitOnSdkThread(thread: SdkThread, irText: string, cache?: EmitCache): Promise<Map<string, Content>> {
  const sdk = thread.emit({ irJson: irText, known: cache?.sdkKeys() ?? [], members: cache?.sdkMembers() ?? [] }).then(({ files: printed, used, usedMembers }) => {
    cache?.recordSdk(used);
    cache?.recordSdkMembers(usedMembers);
    return resolveSdk(cache, printed);
  });
  // Awaited later (after the docs): a failure before then must not count as unhandled (it would end the process).
  sdk.catch(() => {});
  return sdk;
}

/** `irInTree`: false when `--ir` sends the IR elsewhere. */
export async function planOutputs(ir: Ir, targets: Set<Target>, irInTree: boolean, options: PlanOptions = {}): Promise<OutputPlan> {
  const files = new Map<string, Content>();
  const managed = managedEntries(targets, irInTree);
  const diagnostics: Diagnostic[] = [];
  const { cache } = options;
  let sdk = targets.has('sdk') ? options.sdk : undefined;
  if (targets.has('sdk') && !sdk) {
    // Loaded on demand: ts-morph brings the TypeScript compiler, ~0.2 s of start-up.
    const { emitSdk } = await import('../emit/sdk/index.js');
    const used: [string, string, string | undefined][] = [];
    const memberCache = { known: new Map(cache?.sdkMembers() ?? []), used: [] as [string, string | undefined][] };
    const printed = emitSdk(ir, {}, { known: new Set(cache?.sdkKeys() ?? []), used, members: memberCache });
    cache?.recordSdk(used);
    cache?.recordSdkMembers(memberCache.used);
    sdk = Promise.resolve(resolveSdk(cache, printed));
    phase('emit SDK');
  }
  let docs: Map<string, Content> | undefined;
  if (targets.has('docs')) {
    // Loaded on demand like the SDK emitter: Handlebars and the templates only when asked for.
    const { emitDocs } = await import('../emit/docs/index.js');
    const emitted = cache ? emitDocs(ir, { samples: 'fill', cache, hashes: options.hashes }) : emitDocs(ir, { samples: 'fill' });
    docs = emitted.files;
    diagnostics.push(...emitted.diagnostics);
    phase('emit docs');
  }
  if (targets.has('ir') && irInTree) files.set(TARGET_ENTRIES.ir, options.irText ?? irJson(ir));
  options.whileSdkRuns?.(managed);
  if (sdk) {
    for (const [path, content] of await sdk) files.set(`${TARGET_ENTRIES.sdk}/${path}`, content);
    phase('SDK');
  }
  if (docs) for (const [path, content] of docs) files.set(`${TARGET_ENTRIES.docs}/${path}`, content);
  return { files, managed, diagnostics };
}
