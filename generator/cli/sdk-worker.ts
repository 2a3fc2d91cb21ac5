/**
 * The SDK emitter on its own thread (generator/cli/sdk-thread.ts starts it): it loads
 * ts-morph as soon as it starts (or, started `held`, once told to: the thread boots
 * meanwhile), while the main thread reads and parses the pages, then receives the IR
 * (as its JSON text) and the keys of the cached printed files, and posts back the files
 * and what it used from or added to the cache.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CachedSdkFile } from '../emit/sdk/index.js';
import { IR_VERSION, type Field, type Ir, type Operation } from '../ir/types.js';
import { setBundleState, type BundleState } from '../shared/bundle.js';
import { useCodeCache, type CodeCache } from './code-cache.js';
import { phase } from './timings.js';

/**
 * While the main thread parses a big docs set from scratch (a second or more), this
 * thread would idle: asked to warm up, it emits a small made-up SDK once, so the TypeScript printer is compiled hot
 * when the real IR arrives (the first emit runs ~2.5x slower than later ones). The
 * warm-up output is thrown away; nothing of it reaches the real SDK.
 */
const options = (workerData ?? {}) as { warmUp?: boolean; held?: boolean; codeCache?: string; bundle?: BundleState };
// The bundle's parts (precompiled templates above all) for the modules this thread loads.
if (options.bundle) setBundleState(options.bundle);

/** Messages from the main thread, by kind: each is handled once. */
const handlers = new Map<SdkMessage['kind'], (message: SdkMessage) => void>();
function once<K extends SdkMessage['kind']>(kind: K, handle: (message: Extract<SdkMessage, { kind: K }>) => void): void {
  handlers.set(kind, handle as (message: SdkMessage) => void);
}
parentPort!.on('message', (message: SdkMessage) => {
  const handle = handlers.get(message.kind);
  handlers.delete(message.kind);
  handle?.(message);
});

phase('sdk: thread started');
const loadNow = options.held ? new Promise<void>((resolve) => once('load', () => resolve())) : Promise.resolve();
// Installed before anything loads; saved after the printing (code-cache.ts).
let codeCache: CodeCache | undefined;
const emitter = loadNow
  .then(() => {
    codeCache = options.codeCache ? useCodeCache(options.codeCache) : undefined;
    phase('sdk: code cache on');
  })
  .then(() => import('../emit/sdk/index.js'))
  .then((module) => {
    phase('sdk: load emitter');
    if (options.warmUp) module.emitSdk(warmUpIr());
    if (options.warmUp) phase('sdk: warm up');
    return module;
  });

function warmUpIr(): Ir {
  const field = (name: string, type: Field['type'], extra: Partial<Field> = {}): Field => ({ name, type, required: name !== 'note', description: { zh: '说明', en: 'Note' }, ...extra });
  const part = { kind: 'ref', name: 'WarmUpPart' } as const;
  const operations: Operation[] = Array.from({ length: 40 }, (_, index) => {
    const style = (['body', 'query', 'none'] as const)[index % 3]!;
    const name = `warmUp${index}`;
    return {
      id: `${index % 2 ? 'authentication' : 'management'}/warm-up-${index}`,
      module: index % 2 ? 'authentication' : 'management',
      tag: '',
      slug: `warm-up-${index}`,
      methodNames: { node: name },
      summary: { zh: '预热', en: 'Warm up' },
      description: { en: 'Compiles the printer.' },
      http: { method: style === 'query' ? 'GET' : 'POST', path: `/api/v3/warm-up-${index}` },
      request: {
        style,
        typeName: `WarmUp${index}Dto`,
        fields: style === 'none' ? [] : [field('kind', { kind: 'string' }, { enum: ['a-b', 'c_d'] }), field('part', part), field('tags', { kind: 'array', items: { kind: 'string' } }), field('note', { kind: 'number' })],
      },
      response: { typeName: `WarmUp${index}RespDto`, fields: [field('statusCode', { kind: 'number' }), field('data', { kind: 'array', items: part })] },
      samples: [],
      sources: [{ file: 'warm-up.md', line: 1 }],
    };
  });
  const models = [{ name: 'WarmUpPart', fields: [field('id', { kind: 'string' }), field('extra', { kind: 'object' })], opaque: false, sources: [{ file: 'warm-up.md', line: 1 }] }];
  return { irVersion: IR_VERSION, operations, models, diagnostics: [] };
}

export type SdkMessage = { kind: 'load' } | ({ kind: 'emit' } & SdkRequest);

export interface SdkRequest {
  irJson: string;
  /** Keys of the printed files the emit cache holds (SdkPrintCache.known). */
  known: string[];
  /** The printed client methods it holds (SdkPrintCache.members). */
  members: [string, string][];
}

export interface SdkReply {
  files: [string, string | CachedSdkFile][];
  used: [string, string, string | undefined][];
  usedMembers: [string, string | undefined][];
}

once('emit', async ({ irJson, known, members }) => {
  phase('sdk: IR received');
  const { emitSdk } = await emitter;
  const used: SdkReply['used'] = [];
  const ir = JSON.parse(irJson) as Ir;
  phase('sdk: IR JSON read');
  const memberCache = { known: new Map(members), used: [] as SdkReply['usedMembers'] };
  const files = emitSdk(ir, {}, { known: new Set(known), used, members: memberCache });
  phase('sdk: emit');
  parentPort!.postMessage({ files: [...files], used, usedMembers: memberCache.used } satisfies SdkReply);
  phase('sdk: reply posted');
  await codeCache?.save();
  phase('sdk: code cache saved');
  process.exit(0);
});
