/**
 * Page shapes → the IR's page records: each input page's parts, its rows stamped with the
 * print of the field they show in the IR just assembled (ir/prints.ts), so the docs
 * emitter can tell a row the IR left alone from one it changed. Parts many pages share
 * (the six SDK languages' copies of a table) are stored once.
 */
import { compareStrings } from '../ir/diagnostics.js';
import { fieldPrints, fieldsShownBy } from '../ir/prints.js';
import type { Field, Ir, PagePart, PageRecord, PageRow, PageTable } from '../ir/types.js';
import type { PageDoc } from './page.js';

export function pageRecords(groups: ReadonlyMap<string, readonly PageDoc[]>, ir: Pick<Ir, 'operations' | 'models'>): Pick<Ir, 'pages' | 'pageParts'> {
  const operations = new Map(ir.operations.map((operation) => [operation.id, operation]));
  const models = new Map(ir.models.map((model) => [model.name, model]));
  const pages: PageRecord[] = [];
  const pageParts: PagePart[] = [];
  const print = fieldPrints();
  // Text parts keyed by their own string (no copy to build a key). Tables: their rows' texts and prints are interned
  // to numbers first, so a table's key is short (a joined key of whole rows was rebuilt and hashed for every table).
  const pooledTexts = new Map<string, number>();
  const pooledTables = new Map<string, number>();
  const interned = new Map<string, number>();
  const intern = (text: string): number => {
    let id = interned.get(text);
    if (id === undefined) interned.set(text, (id = interned.size));
    return id;
  };
  const poolText = (part: PagePart & { text: string }): number => {
    let index = pooledTexts.get(part.text);
    if (index === undefined) pooledTexts.set(part.text, (index = pageParts.push(part) - 1));
    return index;
  };
  for (const id of [...groups.keys()].sort(compareStrings)) {
    const operation = operations.get(id);
    if (!operation) continue;
    // Each kind's fields by name, once per operation (its pages in six SDK languages show the same kinds).
    const fieldsByName = new Map<string, Map<string, Field>>();
    const fieldsOf = (of: string): Map<string, Field> => {
      let fields = fieldsByName.get(of);
      if (!fields) {
        fieldsByName.set(of, (fields = new Map(fieldsShownBy(of, operation, models).fields.map((field) => [field.name, field]))));
      }
      return fields;
    };
    for (const page of [...groups.get(id)!].sort((a, b) => compareStrings(a.file, b.file))) {
      if (!page.shape) continue;
      // The last table of a kind is where the emitter adds fields the IR gains: it records those the IR had but the page left out.
      const last = new Map<string, PageTable>();
      const shownOf = new Map<string, Set<string | undefined>>();
      for (const part of page.shape) {
        if (!('table' in part)) continue;
        const table = part.table;
        last.set(table.of, table);
        let shown = shownOf.get(table.of);
        if (!shown) shownOf.set(table.of, (shown = new Set()));
        for (const row of table.rows) shown.add(row.field);
      }
      const parts = page.shape.map((part) => {
        if ('text' in part) return poolText(part);
        const table = part.table;
        const fields = fieldsOf(table.of);
        let key = `${intern(table.of)}\u0001${intern(table.head)}`;
        const rows: PageRow[] = table.rows.map((row) => {
          const field = row.field === undefined ? undefined : fields.get(row.field);
          if (!field) {
            key += `\u0001${intern(row.text)}`;
            return { text: row.text };
          }
          const stamp = print(field, page.locale);
          key += `\u0001${intern(row.text)}\u0002${intern(row.field!)}\u0002${intern(stamp)}`;
          return { text: row.text, field: row.field, print: stamp };
        });
        const omitted: string[] = [];
        if (last.get(table.of) === table) {
          const shown = shownOf.get(table.of)!;
          for (const name of fields.keys()) if (!shown.has(name)) omitted.push(name);
        }
        if (omitted.length > 0) key += `\u0003${omitted.map(intern).join('\u0001')}`;
        let index = pooledTables.get(key);
        if (index === undefined) {
          const pooled: PageTable = { of: table.of, head: table.head, columns: table.columns, padded: table.padded, rows, ...(omitted.length > 0 ? { omitted } : {}) };
          pooledTables.set(key, (index = pageParts.push({ table: pooled }) - 1));
        }
        return index;
      });
      pages.push({ file: page.file, locale: page.locale, ...(page.sdk ? { sdk: page.sdk } : {}), operation: id, parts });
    }
  }
  return pages.length > 0 ? { pages, pageParts } : {};
}
