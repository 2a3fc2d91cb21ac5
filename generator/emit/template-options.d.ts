export declare const TEMPLATE_OPTIONS: { readonly noEscape: true; readonly strict: true };
