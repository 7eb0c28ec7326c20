// The pure query builder: what a person types → an FTS5 MATCH expression of quoted words.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildFtsQuery, MAX_QUERY_CHARS, MAX_QUERY_TOKENS, quoteFtsString, tokenize } from '../src/domain/fts-query.ts';

describe('buildFtsQuery', () => {
  it('quotes every word, ANDs them, and makes the last one a prefix', () => {
    expect(buildFtsQuery('summer camp')).toEqual({ match: '"summer" "camp"*', tokens: ['summer', 'camp'], truncated: false });
    expect(buildFtsQuery('camp').match).toBe('"camp"*');
  });

  it('turns operators into plain words and punctuation into separators', () => {
    expect(buildFtsQuery('launch OR rocket').match).toBe('"launch" "OR" "rocket"*');
    expect(buildFtsQuery('NEAR(a b, 2)').match).toBe('"NEAR" "a" "b" "2"*');
    expect(buildFtsQuery('jobName:launch').match).toBe('"jobName" "launch"*');
    expect(buildFtsQuery('-launch* ^x +y').match).toBe('"launch" "x" "y"*');
    expect(buildFtsQuery('camp"aign').match).toBe('"camp" "aign"*');
    expect(buildFtsQuery(`'; DROP TABLE "Job"; --`).match).toBe('"DROP" "TABLE" "Job"*');
  });

  it('keeps letters of every script and combining marks, drops emoji', () => {
    expect(buildFtsQuery('Летняя кампания').tokens).toEqual(['Летняя', 'кампания']);
    expect(buildFtsQuery('你好 世界').tokens).toEqual(['你好', '世界']);
    expect(buildFtsQuery('e\u0301te').tokens).toEqual(['\u00e9te']); // NFC
    expect(buildFtsQuery('हैलो').tokens).toEqual(['हैलो']);
    expect(buildFtsQuery('🚀 launch 👨‍👩‍👧').tokens).toEqual(['launch']);
    expect(buildFtsQuery('🚀 ✨ !!!')).toEqual({ match: null, tokens: [], truncated: false });
  });

  it('caps long input by characters and by words without splitting a surrogate pair', () => {
    const long = buildFtsQuery('a'.repeat(10_000));
    expect(long.truncated).toBe(true);
    expect(long.tokens[0]).toHaveLength(MAX_QUERY_CHARS);
    const many = buildFtsQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '));
    expect(many.tokens).toHaveLength(MAX_QUERY_TOKENS);
    expect(many.truncated).toBe(true);
    const emoji = tokenize(`${'😀'.repeat(MAX_QUERY_CHARS - 1)}x😀😀`);
    expect(emoji.tokens).toEqual(['x']);
  });

  it('doubles quotes inside a string literal', () => {
    expect(quoteFtsString('a"b')).toBe('"a""b"');
  });

  // Whatever the input, the expression is valid FTS5: run a few thousand random strings
  // made of FTS5's special characters and words through a real FTS5 table.
  it('never produces an expression FTS5 refuses (5000 random hostile strings)', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(a, tokenize = "unicode61 remove_diacritics 2", prefix = '2 3 4')`);
    db.prepare('INSERT INTO t (a) VALUES (?)').run('near and or not launch crème 你好');
    const stmt = db.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?');
    const pieces = ['"', "'", '(', ')', '*', '-', '+', '^', ':', '{', '}', ',', 'NEAR', 'AND', 'OR', 'NOT', ' ', 'launch', 'a', '🚀', '\u0301', '\\', '\u0000', '你', 'é', '/', '.'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5000; i += 1) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
      const { match } = buildFtsQuery(text);
      if (match !== null) expect(() => stmt.get(match), JSON.stringify(text)).not.toThrow();
    }
    db.close();
  });
});
