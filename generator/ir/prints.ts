/**
 * Fingerprints of IR facts as one locale's page shows them. The assembly stamps each row
 * of a page record with its field's print; the docs emitter compares it with the IR it
 * renders: an equal print means the row may be written as the page wrote it.
 */
import { hash } from 'node:crypto';
import type { Field, Locale } from './types.js';

/** The field in one locale's words (the other locale's description is not on the page). */
export function fieldPrint(field: Field, locale: Locale): string {
  const { description, ...facts } = field;
  return hash('sha1', JSON.stringify([facts, description[locale] ?? null]), 'base64').slice(0, 12);
}

/**
 * fieldPrint, once per field object and locale: an operation's pages share its fields. For
 * one pass over an IR that nothing changes meanwhile (a new one per pass).
 */
export function fieldPrints(): (field: Field, locale: Locale) => string {
  const memo = new WeakMap<Field, Partial<Record<Locale, string>>>();
  return (field, locale) => {
    let prints = memo.get(field);
    if (!prints) memo.set(field, (prints = {}));
    return (prints[locale] ??= fieldPrint(field, locale));
  };
}
