/**
 * The target contract: what every output of docs-to-sdk (the IR file, the SDK, the docs
 * pages, …) implements, so that the CLI, `--only`, `--check`, the writer and the cache
 * treat them all alike.
 *
 * A target is a pure function of the IR. It cuts its work into units (a docs page group,
 * an SDK file) whose output depends only on the unit's key: that is what lets a cache
 * layer (generator/cache) reuse a unit an earlier run rendered, without the target ever
 * knowing a cache exists. `finish` turns the units' results into the target's files and
 * diagnostics (e.g. one summary warning over all pages).
 */
import type { Diagnostic, Ir } from '../ir/types.js';

/**
 * A file's content: its text, or its UTF-8 bytes (what a target whose units keep many
 * large texts stores: bytes load from a cache ~5x faster than strings, and are hashed
 * and compared without encoding).
 */
export type FileContent = string | Uint8Array;

/** Files by path relative to `--out` (forward slashes, each inside the target's entry), and what the target raised. */
export interface TargetOutput {
  files: Map<string, FileContent>;
  diagnostics: Diagnostic[];
}

/** One piece of a target's work. */
export interface Unit<R> {
  /**
   * Everything `render` reads, as text (typically JSON of the IR parts it uses): two
   * units with equal keys in one target render equal results. The tool's own version
   * is not part of it (the cache adds it).
   */
  key: string;
  /** The result must be structured-clone serializable (plain data, strings, Maps). */
  render(): R;
}

export interface TargetPlan<R> {
  units: Unit<R>[];
  /**
   * The results in the order of `units` → the output, and checks of it (the SDK's
   * samples): units too, so a cache layer memoizes them by their key as it does renders.
   */
  finish(results: R[]): TargetOutput & { checks?: Unit<Diagnostic[]>[] };
}

export interface Target<R = unknown> {
  plan(ir: Ir): TargetPlan<R>;
  /** Work that needs no IR (warming up a checker), done by a target's own thread while it waits for the IR. */
  prepare?(): void;
}

/** What the registry (targets.ts) knows of a target before loading it. */
export interface TargetInfo {
  /** The name `--only` takes. */
  name: string;
  /** The top-level entry of `--out` the target owns: a folder (`sdk`) or a file (`ir.json`). */
  entry: string;
  /** One line for `--help` and the README. */
  description: string;
}

/** How a unit's result is obtained: rendered, or (the cache layer's version) looked up first. */
export type UnitRunner = <R>(target: string, unit: Unit<R>) => R;

export const renderUnit: UnitRunner = (_target, unit) => unit.render();

/** Runs a target over the IR: each unit through `runUnit` (rendered by default), then finished. */
export function emitTarget<R>(name: string, target: Target<R>, ir: Ir, runUnit: UnitRunner = renderUnit): TargetOutput {
  const plan = target.plan(ir);
  const { checks = [], ...output } = plan.finish(plan.units.map((unit) => runUnit(name, unit)));
  if (checks.length === 0) return output;
  return { ...output, diagnostics: [...output.diagnostics, ...checks.flatMap((check) => runUnit(name, check))] };
}
