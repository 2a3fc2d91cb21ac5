/**
 * Vitest global setup: every test run gets one temporary root, set as TMPDIR for the
 * test workers, so the folders tests make with `mkdtemp(tmpdir())` go there and are
 * removed in one go when the run ends (passed or failed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
