/**
 * Fingerprints of IR facts as one locale's page shows them, and which facts a page table
 * shows. The assembly stamps each row of a page record with its field's print; the docs
 * emitter compares it with the IR it renders: an equal print means the row may be written
 * as the page wrote it.
 */
import { hash } from 'node:crypto';
import type { Field, Locale, Model, Operation } from './types.js';

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

/** A page table's `of` for a data structure's table (PageTable.of: `request`, `response` or `model:<Name>`). */
export const modelTableOf = (name: string): string => `model:${name}`;

/** The fields a page table of this `of` shows, and their documented order; a model the IR lacks shows none. */
export function fieldsShownBy(of: string, operation: Operation, models: ReadonlyMap<string, Model>): { fields: Field[]; order?: string[] } {
  if (of === 'request') return { fields: operation.request.fields, order: operation.layout?.request };
  if (of === 'response') return { fields: operation.response.fields, order: operation.layout?.response };
  const model = models.get(of.slice('model:'.length));
  return model ? { fields: model.fields, order: model.layout?.fields } : { fields: [] };
}
