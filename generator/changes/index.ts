/**
 * The changes stage: the IR against the previous one (the committed `<out>/ir.json`) →
 * the API changes, each classified breaking or not, and the SDK's next version and
 * release history. Pure functions of the two IRs.
 */
export { compareIr, RULES, type ApiChange, type ChangeKind } from './compare.js';
export { bump, nextRelease, type NextRelease } from './release.js';
export { readPreviousIr } from './previous.js';
