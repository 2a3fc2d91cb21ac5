/**
 * `docs/<locale>/sidebar.json`: pages grouped by module, then tag, as the docs factory's
 * sidebar groups them. Modules in the order of the profile's clients (others after, by
 * name), tags and pages by code-unit order
 * of their folder and slug, so the order never depends on the machine's locale.
 */
import { compareStrings } from '../../ir/diagnostics.js';
import { LOCALES, SDK_LANGUAGES, type ApiProfile, type Locale, type Operation } from '../../ir/types.js';

export interface SidebarPage {
  title: string;
  slug: string;
  /** Path of the page per SDK language, relative to the locale folder. */
  paths: Record<string, string>;
}

export interface SidebarGroup {
  module: string;
  tags: { tag: string; pages: SidebarPage[] }[];
}

/** `pathOf`: where the docs put an operation's page (an input page keeps its own path), relative to the locale folder; undefined where there is none. */
export function sidebar(operations: Operation[], locale: Locale, profile: ApiProfile, pathOf?: (operation: Operation, sdk: string) => string | undefined): SidebarGroup[] {
  const other = LOCALES.find((l) => l !== locale)!;
  const ids = profile.clients.map((client) => client.id);
  const others = [...new Set(operations.map((operation) => operation.module))].filter((module) => !ids.includes(module)).sort(compareStrings);
  return [...ids, ...others].map((module) => {
    const ofModule = operations.filter((operation) => operation.module === module);
    const tags = [...new Set(ofModule.map((operation) => operation.tag))].sort(compareStrings);
    return {
      module,
      tags: tags.map((tag) => ({
        tag,
        pages: ofModule
          .filter((operation) => operation.tag === tag)
          .sort((a, b) => compareStrings(a.slug, b.slug))
          .map((operation) => ({
            title: operation.summary[locale] ?? operation.summary[other] ?? operation.slug,
            slug: operation.slug,
            // Only pages that exist: with `pathOf`, an SDK language the docs made no page for has no link.
            paths: Object.fromEntries(
              SDK_LANGUAGES.flatMap((sdk) => {
                const path = pathOf ? pathOf(operation, sdk) : [sdk, module, ...(tag ? [tag] : []), `${operation.slug}.md`].join('/');
                return path === undefined ? [] : [[sdk, path]];
              }),
            ),
          })),
      })),
    };
  }).filter((group) => group.tags.length > 0);
}
