/**
 * Every number in a result model other than counts of people, k and the format version: what
 * must be absent wherever a cell is suppressed.
 */
export function scoreNumbers(model: unknown): number[] {
  const out: number[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === "number" && !["n", "k", "format", "responses"].includes(key)) out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === "object") for (const [kk, vv] of Object.entries(v)) walk(vv, kk);
  };
  walk(model, "");
  return out;
}
