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
  /** The SDK emitter on its own thread, started early (it then runs beside the docs emitter). */
  sdkThread?: SdkThread;
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

/** `irInTree`: false when `--ir` sends the IR elsewhere. */
export async function planOutputs(ir: Ir, targets: Set<Target>, irInTree: boolean, options: PlanOptions = {}): Promise<OutputPlan> {
  const files = new Map<string, Content>();
  const managed = managedEntries(targets, irInTree);
  const diagnostics: Diagnostic[] = [];
  const { cache } = options;
  let sdk: Promise<Map<string, Content>> | undefined;
  if (targets.has('sdk')) {
    const known = cache?.sdkKeys() ?? [];
    const members = cache?.sdkMembers() ?? [];
    // Files the emitter found in the cache come back by key: their text is read from the cache only if needed.
    const resolve = (printed: Iterable<[string, string | CachedSdkFile]>): Map<string, Content> =>
      new Map([...printed].map(([path, file]) => [path, typeof file === 'string' ? file : storedSdkFile(cache, file.cached)]));
    if (options.sdkThread) {
      const reply = options.sdkThread.emit({ irJson: options.irText ?? irJson(ir), known, members });
      sdk = reply.then(({ files: printed, used, usedMembers }) => {
        cache?.recordSdk(used);
        cache?.recordSdkMembers(usedMembers);
        return resolve(printed);
      });
      // Awaited below, after the docs: a failure before then must not count as unhandled (it would end the process).
      sdk.catch(() => {});
    } else {
      // Loaded on demand: ts-morph brings the TypeScript compiler, ~0.2 s of start-up.
      const { emitSdk } = await import('../emit/sdk/index.js');
      const used: [string, string, string | undefined][] = [];
      const memberCache = { known: new Map(members), used: [] as [string, string | undefined][] };
      const printed = emitSdk(ir, {}, { known: new Set(known), used, members: memberCache });
      cache?.recordSdk(used);
      cache?.recordSdkMembers(memberCache.used);
      sdk = Promise.resolve(resolve(printed));
      phase('emit SDK');
    }
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
    phase('SDK (other thread)');
  }
  if (docs) for (const [path, content] of docs) files.set(`${TARGET_ENTRIES.docs}/${path}`, content);
  return { files, managed, diagnostics };
}
