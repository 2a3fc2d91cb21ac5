/**
 * Handlebars over `templates/`: one isolated Handlebars environment with the shared
 * partials registered, compiled templates cached by path.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

export const TEMPLATES_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

const handlebars = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

export function registerPartial(name: string, templatePath: string): void {
  handlebars.registerPartial(name, readFileSync(join(TEMPLATES_ROOT, templatePath), 'utf8'));
}

/** Renders `templates/<templatePath>`; escaping is off because the output is code, not HTML. */
export function render(templatePath: string, context: object): string {
  let template = compiled.get(templatePath);
  if (!template) {
    template = handlebars.compile(readFileSync(join(TEMPLATES_ROOT, templatePath), 'utf8'), { noEscape: true, strict: true });
    compiled.set(templatePath, template);
  }
  return template(context);
}
