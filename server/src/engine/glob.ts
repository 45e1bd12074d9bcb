/**
 * File globs of `.gongwen.json` overrides (`"files": ["drafts/**", "*模板*.txt"]`), matched
 * against a path relative to the config file's folder, with `/` separators.
 *
 * - `*` any characters but `/`, `?` one character but `/`, `[abc]` `[a-z]` `[!a-z]` one of a set,
 *   `{甲,乙}` alternatives, `\*` a literal `*`;
 * - `**` as a whole segment: any number of folders (`drafts/**`, `**\/模板/*.txt`);
 * - a pattern without `/` matches a file or folder name at any depth (`*模板*.txt`, `drafts`);
 *   a pattern with `/` matches from the config file's folder (`reports/2024.txt`, `/drafts`);
 * - a pattern that matches a folder matches every file in it (`drafts`, `drafts/`).
 *
 * Matching is dynamic programming over segments and characters, never a backtracking regular
 * expression: a config file from a cloned repository cannot make it slow.
 */

/** A compiled glob: tells whether a relative path (`drafts/2024/初稿.txt`) matches. */
export type GlobMatcher = (relativePath: string) => boolean;

/** Most alternatives one pattern's `{…}` may expand to. */
const MAX_ALTERNATIVES = 64;

type Token = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'set'; negated: boolean; items: Array<[string, string]> };
type Segment = { kind: 'globstar' } | { kind: 'tokens'; tokens: Token[] };

/**
 * Compiles a glob.
 *
 * @example compileGlob('*模板*.txt')('drafts/年度模板v2.txt') // true
 * @example compileGlob('drafts/**')('drafts/2024/初稿.txt') // true
 * @example compileGlob('reports/2024.txt')('old/reports/2024.txt') // false
 */
export function compileGlob(pattern: string): GlobMatcher {
  const alternatives = expandBraces(pattern);
  const compiled = alternatives.map(compileOne);
  return (path) => {
    const segments = splitPath(path);
    return compiled.some((match) => match(segments));
  };
}

/**
 * Whether `relativePath` matches any of `patterns`.
 *
 * @example matchesAnyGlob(['drafts/**', '*模板*.txt'], '工作总结模板.txt') // true
 */
export function matchesAnyGlob(patterns: readonly string[], relativePath: string): boolean {
  return patterns.some((p) => compileGlob(p)(relativePath));
}

function splitPath(path: string): string[] {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.');
}

function compileOne(pattern: string): (segments: string[]) => boolean {
  const anchored = pattern.replace(/^\.\//, '').includes('/') && !/^[^/]*\/$/.test(pattern.replace(/^\.\//, ''));
  const parts = pattern.split('/').filter((s) => s !== '' && s !== '.');
  if (parts.length === 0) return () => false;
  const segments: Segment[] = parts.map((p) => (p === '**' ? { kind: 'globstar' } : { kind: 'tokens', tokens: tokenize(p) }));
  if (!anchored) {
    // A name pattern (`*模板*.txt`, `drafts/`): any file or folder of that name, at any depth.
    const [only] = segments;
    if (only.kind === 'globstar') return (path) => path.length > 0;
    return (path) => path.some((name) => matchSegment(only.tokens, name));
  }
  // The pattern may name a folder: it then matches the files inside (`drafts` → `drafts/a.txt`).
  return (path) => {
    for (let n = path.length; n >= 1; n--) if (matchSegments(segments, path, n)) return true;
    return false;
  };
}

/** Whether `segments` match the first `n` names of `path`; `**` takes zero or more names. */
function matchSegments(segments: readonly Segment[], path: readonly string[], n: number): boolean {
  // can[j]: the first i pattern segments can match the first j names.
  let can = new Array<boolean>(n + 1).fill(false);
  can[0] = true;
  for (const segment of segments) {
    const next = new Array<boolean>(n + 1).fill(false);
    if (segment.kind === 'globstar') {
      let reachable = false;
      for (let j = 0; j <= n; j++) {
        reachable ||= can[j];
        next[j] = reachable;
      }
    } else {
      for (let j = 1; j <= n; j++) next[j] = can[j - 1] && matchSegment(segment.tokens, path[j - 1]);
    }
    can = next;
  }
  return can[n];
}

/** Whether one name matches the tokens of one pattern segment: O(tokens × characters). */
function matchSegment(tokens: readonly Token[], name: string): boolean {
  const chars = Array.from(name);
  let can = new Array<boolean>(chars.length + 1).fill(false);
  can[0] = true;
  for (const token of tokens) {
    const next = new Array<boolean>(chars.length + 1).fill(false);
    if (token.kind === 'star') {
      let reachable = false;
      for (let j = 0; j <= chars.length; j++) {
        reachable ||= can[j];
        next[j] = reachable;
      }
    } else {
      for (let j = 1; j <= chars.length; j++) next[j] = can[j - 1] && tokenMatches(token, chars[j - 1]);
    }
    can = next;
  }
  return can[chars.length];
}

function tokenMatches(token: Token, char: string): boolean {
  switch (token.kind) {
    case 'char':
      return token.char === char;
    case 'any':
      return true;
    case 'set': {
      const inSet = token.items.some(([from, to]) => char >= from && char <= to);
      return inSet !== token.negated;
    }
    default:
      return false;
  }
}

function tokenize(segment: string): Token[] {
  const chars = Array.from(segment);
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\' && i + 1 < chars.length) tokens.push({ kind: 'char', char: chars[++i] });
    else if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '[') {
      const close = chars.indexOf(']', i + 2);
      if (close < 0) {
        tokens.push({ kind: 'char', char: c });
        continue;
      }
      let body = chars.slice(i + 1, close);
      const negated = body[0] === '!' || body[0] === '^';
      if (negated) body = body.slice(1);
      const items: Array<[string, string]> = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          items.push([body[k], body[k + 2]]);
          k += 2;
        } else items.push([body[k], body[k]]);
      }
      tokens.push({ kind: 'set', negated, items });
      i = close;
    } else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

/** `{甲,乙}x` → `甲x`, `乙x` (nested braces too), at most {@link MAX_ALTERNATIVES}. */
function expandBraces(pattern: string): string[] {
  let open = -1;
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const options = splitTopLevel(pattern.slice(open + 1, i));
        if (options.length < 2) continue;
        const head = pattern.slice(0, open);
        const tail = pattern.slice(i + 1);
        const out: string[] = [];
        for (const option of options) {
          for (const expanded of expandBraces(head + option + tail)) {
            if (out.length >= MAX_ALTERNATIVES) return out;
            out.push(expanded);
          }
        }
        return out;
      }
    }
  }
  return [pattern];
}

function splitTopLevel(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}
