/**
 * Ending a sentence with text someone typed (a reason, a comment): one full stop, never two. «…приложена
 * смета.».» is what naive concatenation gives; Russian typography wants «…приложена смета». — a quoted
 * sentence's own full stop moves outside the closing quote, while «?», «!» and «…» stay inside and end
 * the sentence themselves.
 */

const TERMINAL = /[.!?…]$/;

/** The text with a full stop at its end, unless it already ends a sentence. */
export function endSentence(text: string): string {
  const t = text.trimEnd();
  return TERMINAL.test(t) || /[.!?…]»$/.test(t) ? t : `${t}.`;
}

/** «text» closing a sentence: «…смета»., «Почему так?» (no stop after ? ! …). */
export function quotedSentenceEnd(text: string): string {
  const t = text.trim();
  if (/[!?…]$/.test(t)) return `«${t}»`;
  return `«${t.replace(/\.+$/, '')}».`;
}
