import { z } from "zod";
import { emailSchema } from "./common";

/** A team's member list: at most this many addresses. */
export const MAX_TEAM_ADDRESSES = 500;

/**
 * The member-address list as typed: one address per line (commas and semicolons work too).
 * Every entry must be an address; duplicates collapse; the result is lower-cased and sorted.
 */
export const teamAddressesSchema = z.object({
  addresses: z
    .string({ error: "Enter the addresses, one per line." })
    .max(40_000, "The list is too long.")
    .transform((text, ctx) => {
      const entries = text
        .split(/[\n,;]+/)
        .map((e) => e.trim())
        .filter(Boolean);
      const out = new Set<string>();
      for (const entry of entries) {
        const parsed = emailSchema.safeParse(entry);
        if (!parsed.success) {
          ctx.addIssue({ code: "custom", message: `“${entry.slice(0, 60)}” is not an email address.` });
          return z.NEVER;
        }
        out.add(parsed.data.toLowerCase());
      }
      if (out.size > MAX_TEAM_ADDRESSES) {
        ctx.addIssue({ code: "custom", message: `A team list holds at most ${MAX_TEAM_ADDRESSES} addresses.` });
        return z.NEVER;
      }
      return [...out].sort();
    }),
});
