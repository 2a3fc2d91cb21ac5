/**
 * Which locale an OpenAPI text field carries. OpenAPI has one `summary` and one
 * `description`: English is the text (what the ecosystem's viewers and generators
 * expect), Chinese where the docs have no English; the other locale is kept beside it
 * in `x-<key>-<locale>` (e.g. `x-description-zh`), so nothing the docs say is lost.
 */
import type { Localized, Locale } from '../../ir/types.js';

const PRIMARY: readonly Locale[] = ['en', 'zh'];

const present = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

/** `{ [key]: text, [x-key-other]: other text }`, with the keys the docs fill (none when they have no text). */
export function localizedText(key: 'summary' | 'description', text: Localized): Record<string, string> {
  const primary = PRIMARY.find((locale) => present(text[locale]));
  if (!primary) return {};
  const out: Record<string, string> = { [key]: text[primary]! };
  for (const locale of PRIMARY) {
    const other = text[locale];
    if (locale !== primary && present(other) && other !== text[primary]) out[`x-${key}-${locale}`] = other;
  }
  return out;
}
