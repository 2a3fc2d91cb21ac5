// Plain JavaScript, so scripts/build.js (which precompiles the templates into the CLI
// bundle) and generator/emit/templates.ts compile with the same options.
/** Escaping is off because the output is code and Markdown, not HTML; strict makes a missing value an error. Handlebars writes into the options it gets: pass a copy. */
export const TEMPLATE_OPTIONS = { noEscape: true, strict: true };
