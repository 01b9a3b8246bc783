import { describe, expect, it } from "vitest";
import { redirectPath, returnPath } from "./return-path";

const SITE = "https://jx.example.gov.cn";

/** Where a browser goes when told to go to `path` from a page of this site. */
const landsOn = (path: string) => new URL(path, `${SITE}/login`);

// Each payload as the login page receives it: Next hands `callbackUrl` over percent-decoded once.
const ATTACKS: Array<[string, string]> = [
  ["a tab the browser drops, leaving //evil.example", "/\t/evil.example/x"],
  ["the same tab still encoded", "/%09/evil.example/x"],
  ["a newline", "/\n/evil.example"],
  ["a newline, encoded", "/%0a/evil.example"],
  ["a carriage return", "/\r/evil.example"],
  ["a carriage return, encoded", "/%0D/evil.example"],
  ["a NUL", "/\u0000/evil.example"],
  ["DEL", "/\u007f/evil.example"],
  ["a protocol-relative URL", "//evil.example/x"],
  ["three slashes", "///evil.example"],
  ["two backslashes", "\\\\evil.example"],
  ["slash backslash", "/\\evil.example"],
  ["backslash slash", "\\/evil.example"],
  ["an encoded backslash", "/%5Cevil.example"],
  ["encoded slashes", "%2F%2Fevil.example"],
  ["one slash then an encoded one", "/%2Fevil.example"],
  ["doubly encoded slashes", "/%252F%252Fevil.example"],
  ["doubly encoded tab", "/%2509/evil.example"],
  ["an absolute URL", "https://evil.example/"],
  ["an absolute URL without slashes", "https:evil.example"],
  ["an absolute URL on this very site", `${SITE}/sheets`],
  ["a javascript: URL", "javascript:alert(document.cookie)"],
  ["a javascript: URL after a slash-less path", "javascript://%0aalert(1)"],
  ["a data: URL", "data:text/html,<script>alert(1)</script>"],
  ["a relative path without a slash", "evil.example"],
  ["a lone percent", "/100%"],
  ["broken UTF-8", "/%E4%B8"],
  ["a path far too long", `/${"a".repeat(5000)}`],
  ["the login page itself", "/login"],
  ["the login page with a query", "/login?callbackUrl=%2Fsheets"],
  ["nothing", ""],
];

describe("returnPath refuses every way off the site", () => {
  it.each(ATTACKS)("%s → /", (_label, payload) => {
    expect(returnPath(payload)).toBe("/");
  });

  it("refuses what is not a string", () => {
    expect(returnPath(undefined)).toBe("/");
    expect(returnPath(["/sheets"])).toBe("/");
    expect(returnPath(42)).toBe("/");
  });

  it("answers the fallback given", () => {
    expect(returnPath("//evil.example", "/sheets")).toBe("/sheets");
  });
});

describe("returnPath keeps paths of this site", () => {
  it.each([
    ["/", "/"],
    ["/sheets", "/sheets"],
    ["/sheets/1/progress?month=7", "/sheets/1/progress?month=7"],
    ["/scorecard?year=2025&department=%E7%A7%91%E6%8A%80%E5%B1%80", "/scorecard?year=2025&department=%E7%A7%91%E6%8A%80%E5%B1%80"],
    ["/audit#recent", "/audit#recent"],
    // Non-ASCII comes back percent-encoded: safe in a Location header, where a raw 中 answered 500.
    ["/中", "/%E4%B8%AD"],
    ["/%E4%B8%AD", "/%E4%B8%AD"],
    ["/sheets?q=项目", "/sheets?q=%E9%A1%B9%E7%9B%AE"],
    // Dot segments resolve on this site.
    ["/sheets/../scorecard", "/scorecard"],
    ["/loginx", "/loginx"],
  ])("%s → %s", (payload, kept) => {
    expect(returnPath(payload)).toBe(kept);
  });
});

describe("whatever returnPath answers, a browser stays on the site", () => {
  const kept = ["/sheets", "/中", "/sheets/1?month=7#x", "/a/./b/../c"];
  it.each([...ATTACKS.map(([, payload]) => payload), ...kept])("%j", (payload) => {
    const path = returnPath(payload);
    expect(path.startsWith("/")).toBe(true);
    expect(path).not.toMatch(/^\/\/|\\|[^\x21-\x7e]/);
    expect(landsOn(path).origin).toBe(SITE);
  });
});

describe("redirectPath: next-auth's redirect callback", () => {
  const base = "http://localhost:3000";
  it.each([
    ["/sheets", "/sheets"],
    [`${base}/scorecard?year=2025`, "/scorecard?year=2025"],
    [`${base}/中`, "/%E4%B8%AD"],
  ])("keeps %s as %s", (url, path) => {
    expect(redirectPath(url, base)).toBe(path);
  });

  it.each([
    "https://evil.example/",
    "//evil.example/x",
    `${base}/\t/evil.example`,
    `${base}//evil.example`,
    `${base}/%09/evil.example`,
    "http://localhost:3001/sheets",
    "https://localhost:3000/sheets",
    "javascript:alert(1)",
    `${base}/login?callbackUrl=%2Fsheets`,
    ...ATTACKS.map(([, payload]) => payload),
  ])("answers / for %j", (url) => {
    expect(redirectPath(url, base)).toBe("/");
  });

  it("answers / when the base URL itself cannot be read", () => {
    expect(redirectPath(`${base}/sheets`, "not a url")).toBe("/");
  });
});
