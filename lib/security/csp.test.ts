import { describe, expect, it } from "vitest";
import { newNonce, pageCsp } from "./csp";

const directive = (csp: string, name: string) =>
  csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.split(" ")[0] === name);

describe("the page CSP", () => {
  it("a nonce is 16 random bytes in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("scripts run only with the nonce: no 'unsafe-inline', no 'unsafe-eval' outside dev", () => {
    const csp = pageCsp("abc123==", false);
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(directive(csp, "style-src-elem")).toBe("style-src-elem 'self' 'nonce-abc123=='");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
  });

  it("style attributes stay allowed (they cannot carry a nonce); dev adds eval and the reload socket", () => {
    expect(directive(pageCsp("n", false), "style-src-attr")).toBe("style-src-attr 'unsafe-inline'");
    const dev = pageCsp("n", true);
    expect(directive(dev, "script-src")).toBe("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(directive(dev, "connect-src")).toBe("connect-src 'self' ws: wss:");
  });
});
