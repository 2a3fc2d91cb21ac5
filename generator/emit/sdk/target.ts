/** The `sdk` target: the SDK package under `<out>/sdk/`, and the check of the docs' samples against it. */
import { profileOf } from '../../profile/index.js';
import { checkSamples, isCheckedLanguage, warmUpSampleCheck, withoutDocComments } from '../../samples/index.js';
import type { Diagnostic, Ir } from '../../ir/types.js';
import type { Target, Unit } from '../target.js';
import { assembleFiles, planSdk, type CustomizedFile, type SdkUnitResult } from './index.js';

const ENTRY = 'sdk';

export const sdkTarget: Target<SdkUnitResult> = {
  // On the SDK's thread, during the parse: the sample check then runs with TypeScript's lib files parsed and its code hot.
  prepare: warmUpSampleCheck,
  plan(ir) {
    const { units, diagnostics, customized } = planSdk(ir);
    return {
      units,
      finish: (results) => {
        const sdk = assembleFiles(results);
        return {
          files: new Map([...sdk].map(([path, text]) => [`${ENTRY}/${path}`, text])),
          diagnostics,
          checks: [sampleCheck(ir, sdk, customized)],
        };
      },
    };
  },
};

/** The node samples (and the client files custom code went into) against the SDK's TypeScript files: keyed by both, so a run that changed neither reuses the result. */
function sampleCheck(ir: Ir, sdk: Map<string, string>, customized: CustomizedFile[]): Unit<Diagnostic[]> {
  const samples = ir.operations.flatMap((operation) =>
    operation.samples
      .filter((sample) => sample.sdk === 'node' && sample.source && isCheckedLanguage(sample.lang))
      .map((sample) => ({ operationId: operation.id, source: sample.source!, lang: sample.lang, code: sample.code })),
  );
  // Without doc comments (what the check does not read) except where custom code went, whose errors it reports.
  const kept = new Set(customized.map((file) => file.path));
  const files = new Map([...sdk].filter(([path]) => path.endsWith('.ts')).map(([path, text]) => [path, kept.has(path) ? text : withoutDocComments(text)]));
  const profile = profileOf(ir);
  const packageName = profile.sdk.packageName;
  const clientClasses = profile.clients.map((client) => client.className);
  return {
    key: JSON.stringify(['samples', packageName, clientClasses, [...files], samples, customized]),
    render: () => {
      if (samples.length === 0 && customized.length === 0) return [];
      return checkSamples({ sdk: files, packageName, clientClasses, samples, checkedSdkFiles: customized }).diagnostics;
    },
  };
}
