/**
 * The one place TypeScript identifiers are allocated (NamePlan). It knows reserved words
 * and the names the SDK itself defines, and resolves collisions from each name's own
 * identity, so adding or removing one operation renames nothing of another. Templates
 * and structure builders never invent names.
 */
import { createHash } from 'node:crypto';
import { compareStrings } from '../../ir/diagnostics.js';
import type { ClientAuth, SourceRef } from '../../ir/types.js';
import { camelCase, pascalCase, splitWords } from '../../shared/case.js';

/** ECMAScript/TypeScript reserved words: invalid as bindings (parameters, enum-free identifiers). */
export const RESERVED_WORDS = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'implements interface let package private protected public static yield await arguments eval')
    .split(' '),
);

/** Type names that would shadow TypeScript's own types or the global objects the runtime uses (`index` is the models' index file). */
const RESERVED_TYPE_NAMES = new Set(
  ('any unknown never void null undefined object string number boolean symbol bigint ' +
    'Array Boolean Date Error Function JSON Map Math Number Object Promise Record RegExp Set String Symbol ' +
    'Partial Required Readonly Pick Omit Exclude Extract NonNullable ReturnType Parameters Awaited ' +
    'Response Request Headers URL URLSearchParams AbortController fetch index')
    .split(' '),
);

/** What the SDK's runtime and index export next to the models (the profile adds its client classes and their bases). */
export const RUNTIME_SYMBOLS = [
  'Models',
  'ApiErrorDetails',
  'HttpClient',
  'ApiError',
  'ApiTimeoutError',
  'ApiConnectionError',
  'ApiAbortError',
  'CallOptions',
  'ManagementTokenProvider',
  'ClientOptions',
  'ManagementClientOptions',
  'AuthenticationClientOptions',
  'RequestOptions',
] as const;

/** The per-call options parameter every client method ends with (a binding no field may take). */
export const CALL_OPTIONS = { parameter: 'callOptions', type: 'CallOptions' } as const;

/** The runtime base class (templates/sdk/src/http/<name>.ts.hbs) of each way of authenticating. */
export const RUNTIME_BASE: Record<ClientAuth, string> = { 'access-key': 'ManagementClientBase', 'app-id': 'AuthenticationClientBase' };

/**
 * The options type of each runtime base and the options it declares itself (with HttpClient's
 * ClientOptions): a sample's option of one of these names is the runtime's, not a new one.
 * test/sdk/client-options.test.ts holds this to the templates.
 */
export const RUNTIME_OPTIONS: Record<ClientAuth, { type: string; names: readonly string[] }> = (() => {
  const shared = ['host', 'timeout', 'headers', 'overrideHeaders', 'retries', 'retryDelay', 'maxRetryDelay', 'maxRetryAfter', 'maxRedirects', 'maxResponseBytes', 'fetch', 'random', 'sleep'];
  return {
    'access-key': { type: 'ManagementClientOptions', names: [...shared, 'accessKeyId', 'accessKeySecret', 'tokenLifetime'] },
    'app-id': { type: 'AuthenticationClientOptions', names: [...shared, 'appId', 'appHost', 'appSecret', 'redirectUri', 'accessToken'] },
  };
})();

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property name as written in a type literal: bare when it can be, quoted otherwise. */
export const propertyName = (name: string): string => (IDENTIFIER.test(name) ? name : quote(name));

/** A single-quoted TypeScript string literal. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** What an emitted name names: type names are file names too, so they are unique up to case. */
export type NameKind = 'type' | 'method' | 'enum' | 'enum member' | 'binding' | 'option';

/** One name the SDK needs, asked for before any name is given out. */
export interface NameRequest {
  kind: NameKind;
  /** Where the name must be unique: the models folder, a client class, one type's enums, … */
  scope: string;
  /** What the name stands for (a model's name, an operation id + role, a field): equal identities share one name. */
  identity: string;
  preferred: string;
  /** Names derived from the identity, tried in order when another request wins the preferred one. */
  alternatives?: string[];
  /** Who wins a contested name: lower first (documented model names 0, other documented names 1, names by convention 2). */
  rank: number;
  /** For the collision warning: what it is (`model UserDto`) and where the docs say so. */
  label: string;
  source?: SourceRef;
}

/** A name the registry gave to a loser, and whom it lost to. */
export interface NameCollision {
  name: string;
  loser: NameRequest;
  /** The request that keeps the name; undefined when the SDK itself holds it. */
  winner?: NameRequest;
  resolved: string;
}

/**
 * The naming registry (hey-api's codegen-core is the model): every emitted name is
 * requested first, then all are resolved at once. The result depends on each request's
 * own identity, never on the order requests came in: a contested name goes to the
 * lowest (rank, identity), every other claimant takes a name derived from its own
 * identity (its alternatives, then a hash of the identity), never a counter.
 */
export class NamePlan {
  private readonly requests = new Map<string, NameRequest>();
  private readonly reserved = new Map<string, Set<string>>();
  private names: Map<string, string> | undefined;
  private found: NameCollision[] = [];

  /** Names the SDK itself defines in `scope` (runtime classes, base-class members). */
  reserve(scope: string, names: Iterable<string>): void {
    const set = this.reserved.get(scope) ?? new Set<string>();
    for (const name of names) set.add(name);
    this.reserved.set(scope, set);
  }

  /**
   * Asks for a name; a second request with the same scope and identity is the same name,
   * and the strongest of them speaks for it (lowest rank; the first of equals): a type
   * several operations share claims its name with the best claim among them, whichever
   * operations happen to be there besides.
   */
  request(request: NameRequest): void {
    if (this.names) throw new Error('NamePlan: request after resolve');
    const key = keyOf(request.scope, request.identity);
    const known = this.requests.get(key);
    if (!known || request.rank < known.rank) this.requests.set(key, request);
  }

  /** The resolved name of a requested identity. */
  name(scope: string, identity: string): string {
    const name = this.resolve().get(keyOf(scope, identity));
    if (name === undefined) throw new Error(`NamePlan: ${identity} was never requested in ${scope}`);
    return name;
  }

  /** Every collision the registry resolved, in a stable order. */
  collisions(): NameCollision[] {
    this.resolve();
    return this.found;
  }

  private resolve(): Map<string, string> {
    if (this.names) return this.names;
    const names = new Map<string, string>();
    const byScope = new Map<string, NameRequest[]>();
    for (const request of this.requests.values()) {
      const inScope = byScope.get(request.scope);
      if (inScope) inScope.push(request);
      else byScope.set(request.scope, [request]);
    }
    const collisions: NameCollision[] = [];
    for (const scope of [...byScope.keys()].sort(compareStrings)) {
      const requests = byScope.get(scope)!.sort((a, b) => a.rank - b.rank || compareStrings(a.identity, b.identity));
      const fold = (name: string): string => (requests[0]!.kind === 'type' ? name.toLowerCase() : name);
      const holders = new Map<string, NameRequest | undefined>();
      for (const name of this.reserved.get(scope) ?? []) holders.set(fold(name), undefined);
      const losers: NameRequest[] = [];
      // Preferred names first, all of them, so that no loser's alternative takes a name another request prefers.
      for (const request of requests) {
        if (holders.has(fold(request.preferred))) losers.push(request);
        else {
          holders.set(fold(request.preferred), request);
          names.set(keyOf(scope, request.identity), request.preferred);
        }
      }
      for (const loser of losers) {
        const hashed = `${loser.preferred}_${shortHash(loser.identity)}`;
        const candidates = [...(loser.alternatives ?? []), hashed, `${hashed}_${shortHash(`${loser.scope}\0${loser.identity}`)}`];
        const resolved = candidates.find((name) => name !== loser.preferred && !holders.has(fold(name)))!;
        holders.set(fold(resolved), loser);
        names.set(keyOf(scope, loser.identity), resolved);
        collisions.push({ name: loser.preferred, loser, winner: holders.get(fold(loser.preferred)), resolved });
      }
    }
    this.found = collisions;
    this.names = names;
    return names;
  }
}

const keyOf = (scope: string, identity: string): string => `${scope}\0${identity}`;

/** Six hex digits of the identity's SHA-1: stable across runs and machines. */
const shortHash = (text: string): string => createHash('sha1').update(text).digest('hex').slice(0, 6);

/** A collision as the warning says it: both sources, and what the loser is called now. */
export function collisionMessage({ name, loser, winner, resolved }: NameCollision): string {
  const where = (request: NameRequest): string => (request.source ? ` (${request.source.file}:${request.source.line})` : '');
  const other = winner ? `${winner.label}${where(winner)}` : 'the SDK runtime';
  const equal = winner && winner.preferred !== name ? ` equal up to case to ${winner.preferred}` : '';
  return `${loser.kind} name ${name} of ${loser.label}${equal} is held by ${other}; named ${resolved}`;
}

/** A type name: PascalCase when the docs' name is not an identifier, `…Type` when it shadows a global. */
export function typeNameFor(docsName: string): string {
  let name = IDENTIFIER.test(docsName) ? docsName : pascalCase(docsName) || 'Unnamed';
  if (/^[0-9]/.test(name)) name = `_${name}`;
  if (RESERVED_TYPE_NAMES.has(name) || RESERVED_WORDS.has(name) || name.toLowerCase() === 'index') name = `${pascalCase(name)}Type`;
  return name;
}

/** A method name: the documented one wherever TypeScript allows it (`delete()` is a valid method). */
export function methodNameFor(docsName: string): string {
  const name = IDENTIFIER.test(docsName) ? docsName : camelCase(docsName) || 'operation';
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** An enum's name in its type's namespace: the field's, unless that is a reserved word or a type keyword. */
export function enumNameFor(fieldName: string): string {
  const name = bindingNameFor(fieldName).replace(/_$/, '') || 'value';
  return RESERVED_WORDS.has(name) || RESERVED_TYPE_NAMES.has(name) ? `${name}_` : name;
}

/** A binding (parameter, destructured variable): camelCase identifier, `_` appended to reserved words. */
export function bindingNameFor(docsName: string): string {
  let name = IDENTIFIER.test(docsName) ? docsName : camelCase(docsName) || 'value';
  if (/^[0-9]/.test(name)) name = `_${name}`;
  return RESERVED_WORDS.has(name) ? `${name}_` : name;
}

// Enum members are named in shared/case.ts: the parse stage reads sample member names by the same rule.
export { enumMemberNameFor } from '../../shared/case.js';
