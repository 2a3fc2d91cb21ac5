/** The `sdk` target: the SDK package under `<out>/sdk/`. */
import type { Target } from '../target.js';
import { assembleFiles, planSdk, type SdkUnitResult } from './index.js';

const ENTRY = 'sdk';

export const sdkTarget: Target<SdkUnitResult> = {
  plan(ir) {
    const { units, diagnostics } = planSdk(ir);
    return {
      units,
      finish: (results) => ({
        files: new Map([...assembleFiles(results)].map(([path, text]) => [`${ENTRY}/${path}`, text])),
        diagnostics,
      }),
    };
  },
};
