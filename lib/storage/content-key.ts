/** Content addressing shared by the drivers: a sha256 in lower-case hex, stored under `<first 2 hex>/<sha256>`. Pure. */

const HASH = /^[0-9a-f]{64}$/;

export const isContentHash = (value: string): boolean => HASH.test(value);

/** `ab/ab12…`: the key of a hash inside a store; refuses anything that is not a sha256 (no path tricks). */
export function contentKey(sha256: string): string {
  if (!HASH.test(sha256)) throw new Error(`不是有效的 sha256：${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256}`;
}
