/**
 * The samples stage: the docs' own node samples, type-checked against the SDK a run
 * emits — the SDK's acceptance test. It reads the IR's samples and the SDK's files as
 * data (it never imports an emitter) and returns diagnostics on the samples' page lines.
 */
export { checkSamples, isCheckedLanguage, warmUpSampleCheck, withoutDocComments, type SampleCheckInput, type SampleCheckResult, type SampleToCheck } from './check.js';
