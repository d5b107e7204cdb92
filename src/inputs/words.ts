import { ParseError } from '../kernel/errors.js';

/** Splits a flags string the way a POSIX shell would for plain words and '…'/"…" quotes (no expansion). */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let cur = '',
    inWord = false,
    quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c === '\\' && i + 1 < text.length ? text[++i] : c;
      inWord = true;
    }
  }
  if (quote) throw new ParseError(`"${text}" has an unterminated ${quote} quote`);
  if (inWord) words.push(cur);
  return words;
}
