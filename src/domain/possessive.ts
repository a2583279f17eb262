/**
 * The possessive of a name as English writes it: "Mobile's", but "Payments'" (not
 * "Payments's") for a name that ends in s.
 */
export function possessive(name: string): string {
  return /s$/i.test(name.trim()) ? `${name}'` : `${name}'s`;
}
