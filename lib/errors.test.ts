import { describe, expect, it } from "vitest";
import { APP_ERROR_STATUS, AppError, type AppErrorCode, MAX_STORED_TEXT_CHARS, storableText } from "./errors.ts";

describe("AppError", () => {
  const codes = Object.keys(APP_ERROR_STATUS) as AppErrorCode[];

  it("gives every code exactly one status, whatever the call site passes", () => {
    for (const code of codes) {
      const statuses = new Set([
        new AppError(code, "m").status,
        new AppError(code, "m", APP_ERROR_STATUS[code]).status,
        // A cast past the type check still cannot make a code mean another status.
        new AppError(code, "m", 599 as never).status,
      ]);
      expect([...statuses], code).toEqual([APP_ERROR_STATUS[code]]);
    }
  });

  it("keeps INVALID_INPUT at 400 and has its own codes for 409, 413 and 502", () => {
    expect(APP_ERROR_STATUS.INVALID_INPUT).toBe(400);
    expect(new AppError("CONFLICT", "m").status).toBe(409);
    expect(new AppError("TOO_LARGE", "m").status).toBe(413);
    expect(new AppError("UPSTREAM", "m").status).toBe(502);
    // Only 4xx/5xx statuses: an AppError is never a success.
    for (const code of codes) expect(APP_ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
  });
});

describe("storableText", () => {
  it("writes NUL and other C0 controls out as escapes, keeping tab and newline", () => {
    expect(storableText("bad byte \u0000 at line 1\tcol 2\nnext\r\u001b[31m\u007f")).toBe("bad byte \\u0000 at line 1\tcol 2\nnext\\u000d\\u001b[31m\\u007f");
  });

  it("replaces lone surrogates and keeps pairs", () => {
    expect(storableText("a\ud800b\udc00c😀")).toBe("a\ufffdb\ufffdc😀");
  });

  it("cuts long text with a note, never inside a surrogate pair", () => {
    const cut = storableText("x".repeat(MAX_STORED_TEXT_CHARS * 2));
    expect(cut.length).toBeLessThanOrEqual(MAX_STORED_TEXT_CHARS);
    expect(cut).toMatch(/ … \[\d+ more characters cut\]$/);
    const emoji = storableText("😀".repeat(100), 60);
    expect(emoji.length).toBeLessThanOrEqual(60);
    expect(emoji.replace(/ … .*$/, "")).toMatch(/^(😀)+$/);
  });

  it("leaves ordinary text unchanged", () => {
    expect(storableText("Der Schlüssel fehlt — «ü»")).toBe("Der Schlüssel fehlt — «ü»");
  });
});
