/**
 * Which profile client a page means. Pages write a client as a class (`ManagementClient`),
 * a variable named after it (`management_client`, `$managementClient`) or a folder
 * (`management`); all match a client ignoring case and `_`, by class name or id.
 */
import type { ApiProfile, ClientProfile } from '../ir/types.js';

const looseKey = (name: string): string => name.toLowerCase().replace(/_/g, '');

export class ClientIndex {
  private readonly byKey = new Map<string, ClientProfile>();

  constructor(readonly profile: ApiProfile) {
    for (const client of profile.clients) {
      this.byKey.set(looseKey(client.className), client);
      this.byKey.set(looseKey(client.id), client);
    }
  }

  /** The client a name as written means, or undefined when the profile has none by that name. */
  find(written: string): ClientProfile | undefined {
    return this.byKey.get(looseKey(written));
  }

  /** The client assumed for pages that name none or one the profile does not know. */
  get fallback(): ClientProfile {
    return this.profile.clients[0]!;
  }

  byId(id: string): ClientProfile | undefined {
    return this.profile.clients.find((client) => client.id === id);
  }
}

/** One index per profile object (profiles are resolved once per run and not changed). */
const indexes = new WeakMap<ApiProfile, ClientIndex>();
export function clientIndex(profile: ApiProfile): ClientIndex {
  let index = indexes.get(profile);
  if (!index) indexes.set(profile, (index = new ClientIndex(profile)));
  return index;
}
