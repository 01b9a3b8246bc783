import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, trustedProxyHops, UNKNOWN_ADDRESS } from "./client-address";

describe("clientAddress", () => {
  it("reads the socket address next start puts in X-Forwarded-For when nobody is in front", () => {
    expect(clientAddress({ "x-forwarded-for": "192.0.2.7" }, undefined)).toBe("192.0.2.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:192.0.2.7" }), undefined)).toBe("192.0.2.7");
  });

  it("takes the entry our own proxies appended, not what the client claims in front of it", () => {
    const headers = { "x-forwarded-for": "203.0.113.66, 198.51.100.9, 10.0.0.2" };
    expect(clientAddress(headers, "1")).toBe("10.0.0.2");
    expect(clientAddress(headers, "2")).toBe("198.51.100.9");
    expect(clientAddress(headers, "true")).toBe("10.0.0.2");
    // Fewer entries than proxies: the request did not come through them all; the leftmost is all there is.
    expect(clientAddress({ "x-forwarded-for": "198.51.100.9" }, "3")).toBe("198.51.100.9");
  });

  it("without TRUST_PROXY takes the rightmost entry: a forged list cannot pick its own address ahead of the real one", () => {
    expect(clientAddress({ "x-forwarded-for": "1.1.1.1, 192.0.2.7" }, undefined)).toBe("192.0.2.7");
  });

  it("answers unknown when there is no address", () => {
    expect(clientAddress(undefined, undefined)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress({}, "1")).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress({ "x-forwarded-for": " , " }, undefined)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress({ "x-forwarded-for": "evil.example" }, undefined)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["192.0.2.7", "192.0.2.7"],
    ["192.0.2.7:51234", "192.0.2.7"],
    ["::ffff:192.0.2.7", "192.0.2.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:DB8:0001:0002::9", "2001:db8:1:2::/64"],
    ["[2001:db8:1:2::9]:443", "2001:db8:1:2::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0:0:0:0:1"],
    ["::ffff:c000:207", "192.0.2.7"],
  ])("%s → %s", (raw, normal) => {
    expect(normalizeAddress(raw)).toBe(normal);
  });

  it("counts every host of one IPv6 /64 as one address", () => {
    expect(normalizeAddress("2001:db8:1:2::1")).toBe(normalizeAddress("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    expect(normalizeAddress("2001:db8:1:2::1")).not.toBe(normalizeAddress("2001:db8:1:3::1"));
  });

  it.each(["", "256.1.1.1", "1.2.3", "1:2:3:4:5:6:7:8:9", "1::2::3", "localhost", "<script>", "12345::1"])("%j is unknown", (raw) => {
    expect(normalizeAddress(raw)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("trustedProxyHops", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["0", 0],
    ["false", 0],
    ["1", 1],
    ["true", 1],
    ["2", 2],
    ["-1", 0],
    ["many", 0],
  ])("%j → %d", (setting, hops) => {
    expect(trustedProxyHops(setting)).toBe(hops);
  });
});
