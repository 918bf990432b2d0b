import { describe, expect, it } from "vitest";
import { formatPosition, isAfter, LOG_START, parsePosition } from "./event-position.js";

describe("an event's position in the log", () => {
  it("orders by transaction first: an event with a lower id from a later transaction comes after", () => {
    expect(isAfter({ xid: 9n, id: 11n }, { xid: 8n, id: 12n })).toBe(true);
    expect(isAfter({ xid: 8n, id: 12n }, { xid: 9n, id: 11n })).toBe(false);
    expect(isAfter({ xid: 9n, id: 12n }, { xid: 9n, id: 11n })).toBe(true);
    expect(isAfter({ xid: 9n, id: 11n }, { xid: 9n, id: 11n })).toBe(false);
  });

  it("gives back what it formats, and reads a bare id from before positions as transaction 0", () => {
    expect(parsePosition(formatPosition({ xid: 912_345n, id: 77n }))).toEqual({ xid: 912_345n, id: 77n });
    expect(formatPosition(LOG_START)).toBe("0.0");
    expect(parsePosition("1042")).toEqual({ xid: 0n, id: 1042n });
    expect(isAfter(parsePosition("5.1"), parsePosition("1042"))).toBe(true);
  });

  it("refuses anything else as an invalid cursor, on the field it came in", () => {
    for (const cursor of ["", "abc", "1.2.3", "-1", "1.", ".1", "1.x", "99999999999999999999", "9223372036854775808"]) {
      expect(() => parsePosition(cursor, "fromCursor"), cursor).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", message: "Invalid cursor.", details: { field: "fromCursor" } }));
    }
  });
});
