/**
 * The tool's fingerprint, which keys every cache: a hash of everything that decides the
 * output (generator sources, templates, package files: fingerprint.js). bin/docs-to-sdk.js
 * computes it once, before loading the bundle, and hands it over; elsewhere (tests, tsx)
 * it is computed here.
 */
import { bundleState } from '../shared/bundle.js';
import { sourceFingerprints } from './fingerprint.js';

let fingerprint: string | undefined;

export function toolFingerprint(): string {
  fingerprint ??= bundleState()?.tool ?? sourceFingerprints().tool;
  return fingerprint;
}
