/** The `openapi` target: the docs as an OpenAPI 3.1 document (`<out>/openapi.json`), from the IR only. */
import type { Target } from '../target.js';
import { OPENAPI_FILE, openapiDocument } from './document.js';

export { OPENAPI_FILE, isSdkOnly, openapiDocument, type OpenApiExport } from './document.js';

/** No units, like the `ir` target: the document is plain JSON made in one pass, cheaper than keying it. */
export const openapiTarget: Target = {
  plan: (ir) => ({
    units: [],
    finish: () => {
      const { document, diagnostics } = openapiDocument(ir);
      return { files: new Map([[OPENAPI_FILE, `${JSON.stringify(document, null, 2)}\n`]]), diagnostics };
    },
  }),
};
