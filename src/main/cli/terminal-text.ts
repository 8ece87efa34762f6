/**
 * Text from files (names, titles, messages quoting them) printed to a terminal: control characters would
 * let a file clear the screen, retitle the window or forge result lines ("\e[2J", "\e]0;…\a", "\n[1/1] …"),
 * and bidi controls would show a name other than the one stored. They are printed as visible escapes.
 */
import { format } from 'node:util';

// C0 and C1 controls, DEL, bidi embeddings/overrides/isolates and the line/paragraph separators.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same without line feed and tab.
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One field (a file name, a department, a reason): every control character escaped, line breaks too. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** A whole printed message: line breaks and tabs kept (the message's own layout), every other control escaped. */
export function terminalSafeLines(text: string): string {
  return text.replace(UNSAFE_IN_LINES, escapeChar);
}

/**
 * console.log/info/warn/error escape what they print, so no command can pass an escape sequence through
 * to the terminal even where a field was not escaped by hand. The progress bar writes to the stream
 * directly and keeps its own cursor sequences.
 */
export function guardConsole(): void {
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => original(terminalSafeLines(format(...args)));
  }
}
