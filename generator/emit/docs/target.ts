/** The `docs` target: the docs pages under `<out>/docs/`, with a sample on every page. */
import type { Target } from '../target.js';
import { planDocs, type DocsUnitResult } from './index.js';

const ENTRY = 'docs';

export const docsTarget: Target<DocsUnitResult> = {
  plan(ir) {
    const plan = planDocs(ir, { samples: 'fill' });
    return {
      units: plan.units,
      finish: (results) => {
        const { files, diagnostics } = plan.finish(results);
        return { files: new Map([...files].map(([path, text]) => [`${ENTRY}/${path}`, text])), diagnostics };
      },
    };
  },
};
