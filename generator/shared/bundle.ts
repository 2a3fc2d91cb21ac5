/**
 * What bin/docs-to-sdk.js hands the code it runs (`globalThis.__DOCS_TO_SDK__`): the
 * tool's fingerprint and, when it runs the precompiled bundle, the paths of the bundle's
 * parts. Absent when the sources run directly (tests, tsx). A worker thread has a
 * globalThis of its own: a target thread is given the state and sets it (setBundleState).
 */
export interface BundleState {
  tool?: string;
  targetWorker?: string;
  irValidator?: string;
  configValidator?: string;
  templates?: string;
}

const holder = globalThis as { __DOCS_TO_SDK__?: BundleState };

export const bundleState = (): BundleState | undefined => holder.__DOCS_TO_SDK__;

export function setBundleState(state: BundleState): void {
  holder.__DOCS_TO_SDK__ = state;
}
