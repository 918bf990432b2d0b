import { describe, expect, it } from "vitest";
import { MAX_INPUT_DEPTH, nestedDeeperThan } from "./hardening.js";

const nested = (levels: number) => {
  let value: unknown = {};
  for (let level = 1; level < levels; level++) value = level % 2 ? [value] : { a: value };
  return value;
};

describe("nestedDeeperThan", () => {
  it("allows values up to the limit's levels of objects and arrays and refuses one more", () => {
    expect(nestedDeeperThan(nested(MAX_INPUT_DEPTH), MAX_INPUT_DEPTH)).toBe(false);
    expect(nestedDeeperThan(nested(MAX_INPUT_DEPTH + 1), MAX_INPUT_DEPTH)).toBe(true);
    expect(nestedDeeperThan({ document: "text", count: 3, list: [1, 2, 3] }, 2)).toBe(false);
    expect(nestedDeeperThan(null, 0)).toBe(false);
    expect(nestedDeeperThan(undefined, 0)).toBe(false);
  });

  it("answers for a value a hundred thousand levels deep without overflowing the stack", () => {
    expect(nestedDeeperThan(nested(100_000), MAX_INPUT_DEPTH)).toBe(true);
  });

  it("answers for a wide value as for a narrow one", () => {
    expect(nestedDeeperThan({ items: Array.from({ length: 100_000 }, (_, index) => ({ index })) }, 3)).toBe(false);
  });
});
