/**
 * The SDK's version and changelog, from what changed since the previous IR (the committed
 * `<out>/ir.json`): breaking → major (minor while 0.x), additions → minor (patch while
 * 0.x), prose only (descriptions, examples, samples) → patch, nothing → unchanged. The
 * history lives in the IR (`releases`, newest first), so the changelog target is a pure
 * function of the IR, and a run without a docs change changes nothing.
 */
import type { Ir, Release } from '../ir/types.js';
import { profileOf } from '../profile/index.js';
import { compareIr, type ApiChange } from './compare.js';

export interface NextRelease {
  /** The IR with its version and release history decided. */
  ir: Ir;
  changes: ApiChange[];
  /** The release this run adds, when the version moved. */
  release?: Release;
}

export function nextRelease(previous: Ir, ir: Ir): NextRelease {
  const changes = compareIr(previous, ir);
  const profile = profileOf(ir);
  const was = previous.profile?.sdk.version ?? profile.sdk.version;
  // Prose is compared only when the API did not change (it cannot raise a bump further).
  const bumped = bump(was, changes, changes.length === 0 && proseChanged(previous, ir));
  // A version set higher in the config wins (a release cut by hand); lower never goes back.
  const version = compareVersions(profile.sdk.version, bumped) > 0 ? profile.sdk.version : bumped;
  const history = previous.releases ?? [];
  const release: Release | undefined = version === was ? undefined : { version, changes };
  const releases = release ? [release, ...history] : history;
  const next: Ir = { ...ir, profile: { ...profile, sdk: { ...profile.sdk, version } } };
  if (releases.length > 0) next.releases = releases;
  return { ir: next, changes, ...(release ? { release } : {}) };
}

/**
 * Whether the docs say something else besides the API: any difference in operations or
 * models but where their pages are and how they look (sources, layout; a sample's line). Entity
 * by entity, stopping at the first difference.
 */
function proseChanged(before: Ir, after: Ir): boolean {
  const text = <T extends { sources?: unknown; layout?: unknown; samples?: { source?: unknown }[] }>({ sources: _s, layout: _l, ...rest }: T): string =>
    JSON.stringify({ ...rest, ...(rest.samples ? { samples: rest.samples.map(({ source: _source, ...sample }) => sample) } : {}) });
  const differ = <T extends { sources?: unknown; layout?: unknown }>(a: readonly T[], b: readonly T[]): boolean =>
    a.length !== b.length || a.some((entity, index) => text(entity) !== text(b[index]!));
  return differ(before.operations, after.operations) || differ(before.models, after.models);
}

export function bump(version: string, changes: readonly ApiChange[], proseChanged: boolean): string {
  const parsed = parseVersion(version);
  if (!parsed) return version;
  const [major, minor, patch] = parsed;
  if (changes.some((change) => change.breaking)) return major > 0 ? `${major + 1}.0.0` : `0.${minor + 1}.0`;
  if (changes.length > 0) return major > 0 ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
  return proseChanged ? `${major}.${minor}.${patch + 1}` : version;
}

/** `x.y.z` (a pre-release or build suffix is not bumped: such a version stays as it is). */
function parseVersion(version: string): [number, number, number] | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  if (!x || !y) return 0;
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}
