/**
 * The attacker's arithmetic. Every published figure is a sum over a set of hidden answers
 * (a mean times its count, or a count of flags); the attacker who saw figures F1…Fm knows every
 * linear combination of them. An answer, or anything about a small group, is read exactly
 * when some combination of the figures is a sum over that small group alone: a nonzero vector
 * of the span of the figures' sets supported on those people's answers only.
 *
 * dim(span ∩ W) = rank(A) + dim(W) − rank(A with W's unit vectors added), computed exactly
 * over the field of integers modulo a large prime (the sets are 0/1 vectors, so a rank
 * found there is the rational rank but for coincidences of probability ~1e-6).
 */

const P = 1_000_003; // prime; products of two residues stay below 2^53

function inverse(a: number): number {
  let [t, newT, r, newR] = [0, 1, P, ((a % P) + P) % P];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return ((t % P) + P) % P;
}

/** Row-reduces 0/1 rows (each the list of its columns set to 1) and returns a basis of their span. */
export function basis(rows: readonly (readonly number[])[], width: number): number[][] {
  const seen = new Set<string>();
  const m: number[][] = [];
  for (const cols of rows) {
    const key = [...cols].sort((a, b) => a - b).join(",");
    if (seen.has(key) || cols.length === 0) continue;
    seen.add(key);
    const v = new Array<number>(width).fill(0);
    for (const c of cols) v[c] = (v[c] + 1) % P;
    m.push(v);
  }
  return reduce(m, width);
}

function reduce(m: number[][], width: number): number[][] {
  let r = 0;
  for (let col = 0; col < width && r < m.length; col++) {
    const pivot = m.findIndex((row, i) => i >= r && row[col] !== 0);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot], m[r]];
    const inv = inverse(m[r][col]);
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i][col] === 0) continue;
      const f = (m[i][col] * inv) % P;
      for (let j = col; j < width; j++) m[i][j] = (((m[i][j] - f * m[r][j]) % P) + P) % P;
    }
    r++;
  }
  return m.slice(0, r);
}

/**
 * Whether the figures (the `span` basis() returned for their sets) let the attacker compute some
 * nonzero combination of the variables in `group` alone.
 */
export function pinsGroup(span: readonly number[][], width: number, group: readonly number[]): boolean {
  if (group.length === 0) return false;
  const units = group.map((g) => {
    const v = new Array<number>(width).fill(0);
    v[g] = 1;
    return v;
  });
  const withGroup = reduce([...span.map((row) => [...row]), ...units], width).length;
  return span.length + group.length - withGroup > 0;
}
