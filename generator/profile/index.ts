/**
 * API profiles: an API's conventions (URL scheme, verb rules, DTO naming, the set of
 * clients, SDK package settings) kept out of the parser and applied after it, like
 * Kiota's refiners. The IR carries what the docs say; the profile adds what the
 * convention says and records that it did (see docs/profiles.md).
 */
export { AUTHING_V3, DEFAULT_PROFILE, PROFILES } from './registry.js';
export { resolveProfile, ProfileError, type ProfileOverrides, type ProfileSetting } from './resolve.js';
export {
  applyProfile,
  deriveOperation,
  unknownOverrides,
  verbOf,
  type DocumentedIr,
  type DocumentedOperation,
  type OperationOverride,
  type OperationOverrides,
} from './derive.js';
export { clientIndex, type ClientIndex } from './clients.js';

import type { ApiProfile, ClientProfile, Ir } from '../ir/types.js';
import { AUTHING_V3 } from './registry.js';

/** The profile an IR was made with; authing-v3 for IR built without one (tests, older files). */
export const profileOf = (ir: Pick<Ir, 'profile'>): ApiProfile => ir.profile ?? AUTHING_V3;

/** The client of a module id; the profile's first client for an id it lacks (IR made with another profile). */
export const clientOf = (profile: ApiProfile, id: string): ClientProfile => profile.clients.find((client) => client.id === id) ?? profile.clients[0]!;
