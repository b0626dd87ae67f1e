/** Optimal string alignment distance (Levenshtein with transpositions), bounded for speed. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const al = a.length, bl = b.length;
  let prev2 = new Array<number>(bl + 1).fill(0);
  let prev = new Array<number>(bl + 1);
  let cur = new Array<number>(bl + 1);
  for (let j = 0; j <= bl; j++) prev[j] = j;
  for (let i = 1; i <= al; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= bl; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[bl];
}

/**
 * A lower bound of the edit distance from character counts alone (a transposition keeps them):
 * cheap enough to skip most candidates before the quadratic distance.
 */
const bag = new Int32Array(65536);
function bagDistanceExceeds(a: string, b: string, max: number): boolean {
  for (let i = 0; i < a.length; i++) bag[a.charCodeAt(i)]++;
  for (let i = 0; i < b.length; i++) bag[b.charCodeAt(i)]--;
  let plus = 0, minus = 0;
  // Each character's net count is read once (then cleared, which also leaves the table zeroed).
  const take = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i), n = bag[c];
      if (n > 0) plus += n; else if (n < 0) minus -= n;
      bag[c] = 0;
    }
  };
  take(a);
  take(b);
  return Math.max(plus, minus) > max;
}

/** Largest edit distance `closestName` accepts for `name`: a third of its length (min 1, max 4). */
export function typoLimit(name: string): number {
  return Math.min(4, Math.max(1, Math.floor(name.length / 3)));
}

/** True when `candidate` could be `closestName`'s answer for `name` in some candidate set. */
export function isTypoCandidate(name: string, candidate: string): boolean {
  if (candidate.toLowerCase() === name.toLowerCase()) return true;
  const limit = typoLimit(name);
  return editDistance(name, candidate, limit) <= limit;
}

/**
 * The candidate closest to `name` when it is plausibly a typo: equal ignoring case first, else the
 * smallest distance within `typoLimit`. Ties go to the smaller string, so the answer depends on the
 * set of candidates only, never on their order.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestD = typoLimit(name) + 1;
  for (const c of candidates) {
    if (c.length === name.length ? false : Math.abs(c.length - name.length) > bestD) continue;
    const d = c.toLowerCase() === lower ? -1 : bagDistanceExceeds(name, c, bestD) ? bestD + 1 : editDistance(name, c, bestD);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) { bestD = d; best = c; }
  }
  return best;
}
