import { describe, expect, it } from "vitest";
import { releaseStep } from "./release";

const raw = (n: number, sum: number, answers = n) => ({ n, sum, answers });

describe("releaseStep", () => {
  it.each([
    { name: "below k, nothing released yet", raw: raw(4, 16), last: null, shown: raw(4, 16), next: null },
    { name: "first reaching k publishes", raw: raw(5, 18), last: null, shown: raw(5, 18), next: raw(5, 18) },
    { name: "one more vote changes nothing shown", raw: raw(6, 19), last: raw(5, 18), shown: raw(5, 18), next: null },
    { name: "k − 1 more still change nothing", raw: raw(9, 31), last: raw(5, 18), shown: raw(5, 18), next: null },
    { name: "k more publish again", raw: raw(10, 33), last: raw(5, 18), shown: raw(10, 33), next: raw(10, 33) },
    { name: "votes gone (objective deleted) start again", raw: raw(3, 9), last: raw(5, 18), shown: raw(3, 9), next: null },
    { name: "team weeks count people, not votes", raw: raw(6, 40, 12), last: raw(5, 36, 10), shown: raw(5, 36, 10), next: null },
  ])("$name", ({ raw: r, last, shown, next }) => {
    expect(releaseStep(r, last, 5)).toEqual({ shown, next });
  });
});
