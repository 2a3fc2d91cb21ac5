/**
 * Locale fallback: a text missing in the page's locale takes the other locale's, and the
 * emitter remembers what fell back so it can say so (DOCS_LOCALE_FALLBACK).
 */
import { LOCALES, type Locale, type Localized } from '../../ir/types.js';

/**
 * Texts that had no words in the page's locale and took the other locale's (`missing`,
 * by `owner\0locale`), and the owners that do have some text in that locale (`present`).
 */
export interface Fallbacks {
  missing: Map<string, Set<string>>;
  present: Set<string>;
}

/** The text in `locale`, else the other locale's (recorded in `fallbacks`), else undefined. */
export function localOptional(value: Localized, locale: Locale, owner: string, what: string, fallbacks: Fallbacks): string | undefined {
  const key = `${owner}\0${locale}`;
  const own = value[locale];
  if (own !== undefined) {
    fallbacks.present.add(key);
    return own;
  }
  const other = LOCALES.find((l) => l !== locale && value[l] !== undefined);
  if (other === undefined) return undefined;
  const entry = fallbacks.missing.get(key) ?? new Set<string>();
  entry.add(what);
  fallbacks.missing.set(key, entry);
  return value[other];
}

/** Adds what `from` recorded (as Fallbacks, or as their plain-data copy) to `into`. */
export function mergeFallbacks(from: { missing: Iterable<[string, Iterable<string>]>; present: Iterable<string> }, into: Fallbacks): void {
  if (from === into) return;
  for (const [key, what] of from.missing) {
    const entry = into.missing.get(key);
    if (entry) for (const item of what) entry.add(item);
    else into.missing.set(key, new Set(what));
  }
  for (const key of from.present) into.present.add(key);
}
