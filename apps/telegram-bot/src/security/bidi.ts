/**
 * Bidirectional control characters: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069), the left-to-right and right-to-left marks (U+200E, U+200F) and the Arabic
 * letter mark (U+061C). Echoed into a sentence, U+202E alone can reverse the rest of it on screen.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** A letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko…). */
const RTL_LETTER =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDFFF]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDEFF]/;

const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * Makes text that someone else wrote (a user's input, a Telegram name, a name from Plume) safe to
 * put inside one of the bot's sentences or button labels: every bidirectional control character is
 * removed, and text holding right-to-left letters is wrapped in one balanced isolate (U+2068 …
 * U+2069), so it shows in its own direction without reordering the words around it. Every echo of
 * such text goes through here.
 * @example `No customer matches “${echo(query)}”.` // a U+202E in `query` is gone
 */
export function echo(text: string): string {
  const stripped = text.replace(BIDI_CONTROLS, '');
  return RTL_LETTER.test(stripped) ? `${FIRST_STRONG_ISOLATE}${stripped}${POP_DIRECTIONAL_ISOLATE}` : stripped;
}
