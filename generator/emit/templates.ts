/**
 * Handlebars over `templates/`: one isolated Handlebars environment with the shared
 * partials registered, compiled templates cached by path.
 *
 * The CLI bundle carries every template precompiled (scripts/build.js; the bundle's
 * fingerprint covers templates/), and then only Handlebars' small runtime loads:
 * loading the compiler and compiling the templates costs ~0.1 s a run. From the
 * sources (tests, tsx) templates are compiled on first use, with the same options.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type HandlebarsModule from 'handlebars';
import { bundleState } from '../shared/bundle.js';
import { TEMPLATE_OPTIONS } from './template-options.js';

export const TEMPLATES_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

type TemplateSpec = Parameters<typeof HandlebarsModule.template>[0];

// require(), not import: an ESM import of this CommonJS package first scans its source for export names.
const require = createRequire(import.meta.url);
const precompiledFile = bundleState()?.templates;
const precompiled = precompiledFile ? (require(precompiledFile) as Record<string, TemplateSpec>) : undefined;
const handlebars = (require(precompiled ? 'handlebars/runtime' : 'handlebars') as typeof HandlebarsModule).create();
const compiled = new Map<string, HandlebarsModule.TemplateDelegate>();

function compile(templatePath: string): HandlebarsModule.TemplateDelegate {
  if (!precompiled) return handlebars.compile(readFileSync(join(TEMPLATES_ROOT, templatePath), 'utf8'), { ...TEMPLATE_OPTIONS });
  const spec = precompiled[templatePath];
  // Cannot happen with a bundle built from these sources: its fingerprint covers templates/.
  if (!spec) throw new Error(`template ${templatePath} is not in the bundle's precompiled templates (run node scripts/build.js)`);
  return handlebars.template(spec);
}

function template(templatePath: string): HandlebarsModule.TemplateDelegate {
  let found = compiled.get(templatePath);
  if (!found) {
    found = compile(templatePath);
    compiled.set(templatePath, found);
  }
  return found;
}

export function registerPartial(name: string, templatePath: string): void {
  handlebars.registerPartial(name, template(templatePath));
}

/** Renders `templates/<templatePath>`. */
export function render(templatePath: string, context: object): string {
  return template(templatePath)(context);
}
