// Turns what a person typed into an FTS5 MATCH expression that means "all of these words,
// the last one as a prefix" — and nothing else. FTS5's query language gives meaning to
// quotes, AND/OR/NOT, NEAR, `*`, `^`, `-`, `:` (column filters), `+` and parentheses; a search
// box must not expose any of that, and a stray quote must not become an SQL error.
//
// How: split the text into words the way the unicode61 tokenizer does (runs of letters,
// digits and private-use characters, keeping combining marks with their letter), then emit
// every word as a double-quoted FTS5 string. Inside a string FTS5 gives no character a
// meaning (a `"` is written `""`), so the worst a word can do is match nothing. Everything
// that is not part of a word — operators, punctuation, emoji — is a separator, exactly as it
// is for the indexed text, so "AC/DC" still finds "AC/DC".
//
// Pure: no SQL here; the caller binds the result as a parameter.

/** Longer input is cut before tokenizing (a search box, not a document). */
export const MAX_QUERY_CHARS = 256;
/** More words than this are dropped: each one is another index lookup. */
export const MAX_QUERY_TOKENS = 16;

// unicode61's default token characters are L*, N* and Co; combining marks (M*) stay with the
// word so that decomposed text ("e\u0301") is not split in two. A word must start with a
// letter/digit: a lone combining mark is not a word.
const WORD = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu;

export interface FtsQuery {
  /** The MATCH expression, or null when the text holds no searchable word. */
  match: string | null;
  /** The words used, after capping (for logs and tests). */
  tokens: string[];
  /** True when the text was longer than MAX_QUERY_CHARS or had more than MAX_QUERY_TOKENS words. */
  truncated: boolean;
}

/** The searchable words of `text`, in order, capped. */
export function tokenize(text: string): { tokens: string[]; truncated: boolean } {
  // Cut by code points, not UTF-16 units, so a surrogate pair is never split.
  const chars = Array.from(text);
  const capped = chars.length > MAX_QUERY_CHARS ? chars.slice(0, MAX_QUERY_CHARS).join('') : text;
  const words = capped.normalize('NFC').match(WORD) ?? [];
  return {
    tokens: words.slice(0, MAX_QUERY_TOKENS),
    truncated: chars.length > MAX_QUERY_CHARS || words.length > MAX_QUERY_TOKENS,
  };
}

/** An FTS5 string literal: the text between double quotes, inner quotes doubled. */
export function quoteFtsString(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

/**
 * "camp launch" → `"camp" "launch"*`: every word required (implicit AND), the last one
 * matched as a prefix so results appear while the person is still typing.
 */
export function buildFtsQuery(text: string): FtsQuery {
  const { tokens, truncated } = tokenize(text);
  if (tokens.length === 0) return { match: null, tokens, truncated };
  const quoted = tokens.map(quoteFtsString);
  quoted[quoted.length - 1] += '*';
  return { match: quoted.join(' '), tokens, truncated };
}
