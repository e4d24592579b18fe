import { describe, expect, it } from "vitest";
import { assertValidArtifactKey, assertValidArtifactPrefix, isValidArtifactKey } from "./artifact-key.ts";
import { InvalidArtifactKeyError } from "./errors.ts";

function rejectionOf(key: string): InvalidArtifactKeyError {
  try {
    assertValidArtifactKey(key);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArtifactKeyError);
    return error as InvalidArtifactKeyError;
  }
  throw new Error(`expected ${JSON.stringify(key)} to be rejected`);
}

describe("assertValidArtifactKey", () => {
  it("returns valid keys unchanged", () => {
    for (const key of [
      "datasets/elearning/2025-01-01/users.csv",
      "models/churn-lr/3/model.json",
      "reports/drift/2026-01-01.html",
      "models/a_b=c+d@e,f/v1.2.3/model.json",
      "single-segment.txt",
      "models/..hidden-looking/ok..json",
    ]) {
      expect(assertValidArtifactKey(key)).toBe(key);
      expect(isValidArtifactKey(key)).toBe(true);
    }
  });

  it("rejects plain .. traversal (CVE-2023-6909, CVE-2024-1483)", () => {
    expect(rejectionOf("../../etc/passwd").reason).toMatch(/"\.\."/);
    expect(rejectionOf("models/../../../etc/passwd").reason).toMatch(/"\.\."/);
  });

  it("rejects .. hidden by URL-encoding (CVE-2023-6909)", () => {
    expect(rejectionOf("%2e%2e/%2e%2e/etc/passwd").reason).toMatch(/after URL-decoding/);
    expect(rejectionOf("..%2f..%2fetc%2fpasswd").reason).toMatch(/after URL-decoding/);
  });

  it("rejects .. hidden by double URL-encoding", () => {
    expect(rejectionOf("%252e%252e%252fetc%252fpasswd").reason).toMatch(/"\.\.".*after URL-decoding/);
  });

  it("rejects file: and other URL schemes (CVE-2023-1177)", () => {
    expect(rejectionOf("file:///etc/passwd").reason).toMatch(/scheme/);
    expect(rejectionOf("s3://other-bucket/key").reason).toMatch(/scheme/);
    expect(rejectionOf("http://evil/#/../../etc/passwd").reason).toMatch(/scheme/);
  });

  it("rejects # fragments used to smuggle .. past URL parsing (CVE-2024-3848)", () => {
    expect(isValidArtifactKey("models/x#/../../secret")).toBe(false);
    expect(rejectionOf("models/x#frag").reason).toMatch(/not allowed: "#"/);
  });

  it("rejects absolute paths", () => {
    expect(rejectionOf("/etc/passwd").reason).toMatch(/relative/);
  });

  it("rejects backslashes", () => {
    expect(rejectionOf("models\\..\\..\\windows\\win.ini").reason).toMatch(/backslash/);
  });

  it("rejects Windows drive letters", () => {
    expect(rejectionOf("C:\\Windows\\win.ini").reason).toMatch(/backslash|drive/);
    expect(rejectionOf("C:/Windows/win.ini").reason).toMatch(/drive letter/);
  });

  it("rejects NUL and control characters, raw or encoded", () => {
    expect(rejectionOf("models/%00/x").reason).toMatch(/control characters.*after URL-decoding/);
    expect(rejectionOf("models/\u0000/x").reason).toMatch(/control characters/);
    expect(rejectionOf("models/a\nb").reason).toMatch(/control characters/);
  });

  it("rejects empty segments and a trailing slash", () => {
    expect(rejectionOf("models//x").reason).toMatch(/empty segments/);
    expect(rejectionOf("models/x/").reason).toMatch(/empty segments/);
  });

  it("rejects . segments", () => {
    expect(rejectionOf("./models/x").reason).toMatch(/"\."/);
    expect(rejectionOf("models/./x").reason).toMatch(/"\."/);
  });

  it("rejects a leading ~", () => {
    expect(rejectionOf("~/secrets").reason).toMatch(/"~"/);
  });

  it("rejects the empty key", () => {
    expect(rejectionOf("").reason).toMatch(/empty/);
  });

  it("rejects keys longer than 1024 characters", () => {
    expect(assertValidArtifactKey("a".repeat(1024))).toHaveLength(1024);
    expect(rejectionOf("a".repeat(1025)).reason).toMatch(/1024/);
  });

  it("rejects characters outside the allowed set, including spaces, % and non-ASCII", () => {
    for (const key of ["models/my model.json", "models/100%", "models/ünïcode", "models/a?b", "models/a;b"]) {
      expect(isValidArtifactKey(key)).toBe(false);
    }
  });

  it("rejects malformed percent-escapes instead of throwing a URIError", () => {
    expect(rejectionOf("models/%E0%A4%A").reason).toMatch(/not allowed: "%"/);
  });

  it("gives a message that names the key and shows what a valid key looks like", () => {
    const error = rejectionOf("../../etc/passwd");
    expect(error.code).toBe("INVALID_ARTIFACT_KEY");
    expect(error.message).toContain('"../../etc/passwd"');
    expect(error.message).toContain("datasets/elearning/<run id>/users.csv");
  });
});

describe("assertValidArtifactPrefix", () => {
  it("accepts the empty prefix, partial names and a trailing slash", () => {
    expect(assertValidArtifactPrefix("")).toBe("");
    expect(assertValidArtifactPrefix("models/")).toBe("models/");
    expect(assertValidArtifactPrefix("models/chu")).toBe("models/chu");
  });

  it("applies the key rules to everything else", () => {
    for (const prefix of ["/", "../", "models//", "%2e%2e/", "file:///", "models/../"]) {
      expect(() => assertValidArtifactPrefix(prefix)).toThrow(InvalidArtifactKeyError);
    }
  });
});
