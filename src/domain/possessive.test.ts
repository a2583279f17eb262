import { describe, expect, it } from "vitest";
import { possessive } from "./possessive";

describe("possessive", () => {
  it.each([
    ["Mobile", "Mobile's"],
    ["Payments", "Payments'"],
    ["Data", "Data's"],
    ["OPS", "OPS'"],
  ])("%s → %s", (name, expected) => {
    expect(possessive(name)).toBe(expected);
  });
});
