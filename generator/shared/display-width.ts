/**
 * The columns a text takes in a monospace view, by prettier's own rule (its
 * getStringWidth): East Asian wide and fullwidth characters count two, control and
 * combining marks none, pictographic emoji two. Tables padded by prettier are measured
 * with it, so a re-padded table lines up exactly as `prettier --parser markdown` pads it.
 */
import { eastAsianWidth } from 'get-east-asian-width';

const NOT_ASCII = /[^\x20-\x7F]/;
const ZERO_WIDTH = /[\p{Mn}\p{Me}]/u;
const HAS_EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const EMOJI = /\p{Extended_Pictographic}\uFE0F?|\p{Regional_Indicator}{2}/gu;

export function displayWidth(text: string): number {
  if (!NOT_ASCII.test(text)) return text.length;
  let width = 0;
  // Emoji are rare: the replacement runs only where one is.
  const rest = HAS_EMOJI.test(text)
    ? text.replace(EMOJI, () => {
        width += 2;
        return '';
      })
    : text;
  for (const character of rest) {
    const code = character.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) width += 1;
    else if (code <= 31 || (code >= 127 && code <= 159)) continue;
    else if (eastAsianWidth(code) === 2) width += 2;
    // Wide characters are never marks: only narrow ones are tested.
    else if (code < 0x300 || !ZERO_WIDTH.test(character)) width += 1;
  }
  return width;
}
