import { z } from "zod";
import { text } from "./fields";

export const API_TOKEN_EXPIRY_DAYS = [30, 90, 365] as const;
const EXPIRY_MESSAGE = "Choose when the token expires: in 30, 90 or 365 days, or never.";
const SCOPE_MESSAGE = "Choose read-only or read and write.";

export const apiTokenSchema = z.object({
  name: text("The token's name", 1, 60),
  /** "read": GET only; "write": every request its creator's role allows. */
  scope: z.enum(["read", "write"], { error: SCOPE_MESSAGE }),
  /** Days until the token stops working; null never expires. Forms send "30", "90", "365" or "never". */
  expiresInDays: z.preprocess(
    (v) => (v === "never" ? null : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v),
    z.union([z.literal(30), z.literal(90), z.literal(365), z.null()], { error: EXPIRY_MESSAGE }),
  ),
});
export type ApiTokenInput = z.infer<typeof apiTokenSchema>;
