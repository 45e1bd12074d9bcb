/**
 * Which placeholder candidates an ignore word covers (`gongwen.placeholders.ignoreWords`:
 * `['X建']` silences the `X` of `坚持X建引领`), in one linear pass over the text with bounded memory.
 *
 * The words are matched together by an Aho–Corasick automaton; of the words ending at one
 * position only the longest matters (it starts earliest), and only occurrences that start within
 * the longest word's length of the current candidate are kept, in a ring. So the work is one step
 * per text unit up to the last candidate, whatever the words (100 copies of `a` on a million `a`
 * cost what one does), and the memory is the automaton plus one ring slot per unit of the longest word.
 */

/**
 * Answers "does an occurrence of an ignore word cover `[start, end)`?" for candidates given in
 * order of `start` (non-decreasing).
 *
 * @example
 * const text = '坚持X建引领，完成xx项';
 * const cover = new IgnoreWordCover(Uint16Array.from(text, (ch) => foldWidth(ch.charCodeAt(0))), ['X建']);
 * cover.covers(2, 3); // true: `X` lies inside `X建`
 * cover.covers(9, 11); // false: `xx`
 */
export class IgnoreWordCover {
  /** Child nodes of each trie node, by UTF-16 unit. */
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Length of the longest word that ends at each node (0: none). */
  private readonly longest: number[] = [0];
  private readonly maxLength: number;
  /** Greatest end of the occurrences starting at each position still to be drained, by position mod size. */
  private readonly ring: Int32Array;
  private node = 0;
  /** Next text unit to feed to the automaton. */
  private fed = 0;
  /** Next start position whose occurrences are still in the ring. */
  private drained = 0;
  /** Greatest end of the occurrences starting before `drained`. */
  private reach = -1;

  /** `units` are the text's UTF-16 units folded by `foldWidth`, `words` folded alike; empty and repeated words are dropped. */
  constructor(
    private readonly units: Uint16Array,
    words: readonly string[],
  ) {
    let maxLength = 0;
    for (const word of new Set(words)) {
      if (word.length === 0) continue;
      maxLength = Math.max(maxLength, word.length);
      let node = 0;
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i);
        let child = this.next[node].get(c);
        if (child === undefined) {
          child = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.longest.push(0);
          this.next[node].set(c, child);
        }
        node = child;
      }
      this.longest[node] = word.length;
    }
    this.maxLength = maxLength;
    this.ring = new Int32Array(maxLength + 1).fill(-1);
    this.linkFailures();
  }

  /** Whether there are any words at all. */
  get empty(): boolean {
    return this.maxLength === 0;
  }

  /** Whether an occurrence of a word starts at or before `start` and ends at or after `end`. */
  covers(start: number, end: number): boolean {
    if (this.maxLength === 0 || end - start > this.maxLength) return false;
    const size = this.ring.length;
    for (; this.drained <= start; this.drained++) {
      // Every occurrence starting at `drained` ends by `drained + maxLength`: feed up to there first.
      this.feedTo(Math.min(this.units.length, this.drained + this.maxLength));
      const slot = this.drained % size;
      if (this.ring[slot] > this.reach) this.reach = this.ring[slot];
      this.ring[slot] = -1;
    }
    return this.reach >= end;
  }

  private feedTo(limit: number): void {
    const units = this.units;
    const size = this.ring.length;
    for (; this.fed < limit; this.fed++) {
      const c = units[this.fed];
      let node = this.node;
      let child = this.next[node].get(c);
      while (child === undefined && node !== 0) {
        node = this.fail[node];
        child = this.next[node].get(c);
      }
      this.node = child ?? 0;
      const length = this.longest[this.node];
      if (length > 0) {
        const end = this.fed + 1;
        const slot = (end - length) % size;
        if (this.ring[slot] < end) this.ring[slot] = end;
      }
    }
  }

  /** Breadth-first failure links; a node's longest word is its own or its failure node's. */
  private linkFailures(): void {
    const queue: number[] = [];
    for (const child of this.next[0].values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      for (const [c, child] of this.next[node]) {
        let f = this.fail[node];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const target = this.next[f].get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        if (this.longest[child] === 0) this.longest[child] = this.longest[this.fail[child]];
        queue.push(child);
      }
    }
  }
}
