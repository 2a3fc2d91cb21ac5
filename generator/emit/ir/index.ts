/** The `ir` target: the IR itself, as the JSON file other tools (and the drift check) read. */
import type { Ir } from '../../ir/types.js';
import type { Target } from '../target.js';

export const IR_FILE = 'ir.json';

export const irJson = (ir: Ir): string => `${JSON.stringify(ir, null, 2)}\n`;

/** No units: serializing the IR is the whole work, and cheaper than keying it. */
export const irTarget: Target = {
  plan: (ir) => ({ units: [], finish: () => ({ files: new Map([[IR_FILE, irJson(ir)]]), diagnostics: [] }) }),
};
