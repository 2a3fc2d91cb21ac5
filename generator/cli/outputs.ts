/** The output tree under `--out`, by target: what `generate` writes and `--check` compares. */
import type { Ir } from '../ir/types.js';

export const TARGETS = ['ir', 'sdk'] as const;
export type Target = (typeof TARGETS)[number];

/** Top-level entries of `--out` each target owns; nothing else under `--out` is touched. */
export const TARGET_ENTRIES: Record<Target, string> = { ir: 'ir.json', sdk: 'sdk' };

export const irJson = (ir: Ir): string => `${JSON.stringify(ir, null, 2)}\n`;

export interface OutputPlan {
  files: Map<string, string>;
  managed: string[];
}

/** `irInTree`: false when `--ir` sends the IR elsewhere. */
export async function planOutputs(ir: Ir, targets: Set<Target>, irInTree: boolean): Promise<OutputPlan> {
  const files = new Map<string, string>();
  const managed: string[] = [];
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
  return { files, managed };
}
