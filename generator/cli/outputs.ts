/** The output tree under `--out`, by target: what `generate` writes and `--check` compares. */
import type { Diagnostic, Ir } from '../ir/types.js';

export const TARGETS = ['ir', 'sdk', 'docs'] as const;
export type Target = (typeof TARGETS)[number];

/** Top-level entries of `--out` each target owns; nothing else under `--out` is touched. */
export const TARGET_ENTRIES: Record<Target, string> = { ir: 'ir.json', sdk: 'sdk', docs: 'docs' };

export const irJson = (ir: Ir): string => `${JSON.stringify(ir, null, 2)}\n`;

export interface OutputPlan {
  files: Map<string, string>;
  managed: string[];
  /** What the emitters raised (e.g. the docs emitter's DOCS_LOCALE_FALLBACK warnings), for the user. */
  diagnostics: Diagnostic[];
}

/** `irInTree`: false when `--ir` sends the IR elsewhere. */
export async function planOutputs(ir: Ir, targets: Set<Target>, irInTree: boolean): Promise<OutputPlan> {
  const files = new Map<string, string>();
  const managed: string[] = [];
  const diagnostics: Diagnostic[] = [];
  if (targets.has('ir') && irInTree) {
    files.set(TARGET_ENTRIES.ir, irJson(ir));
    managed.push(TARGET_ENTRIES.ir);
  }
  if (targets.has('sdk')) {
    // Loaded on demand: ts-morph brings the TypeScript compiler, ~0.4 s of start-up.
    const { emitSdk } = await import('../emit/sdk/index.js');
    for (const [path, content] of emitSdk(ir)) files.set(`sdk/${path}`, content);
    managed.push(TARGET_ENTRIES.sdk);
  }
  if (targets.has('docs')) {
    // Loaded on demand like the SDK emitter: Handlebars and the templates only when asked for.
    const { emitDocs } = await import('../emit/docs/index.js');
    const docs = emitDocs(ir, { samples: 'fill' });
    for (const [path, content] of docs.files) files.set(`${TARGET_ENTRIES.docs}/${path}`, content);
    managed.push(TARGET_ENTRIES.docs);
    diagnostics.push(...docs.diagnostics);
  }
  return { files, managed, diagnostics };
}
