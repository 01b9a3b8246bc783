import Decimal from "decimal.js";
import { parseDecimal } from "@/lib/numbers/parse-decimal";

/** A weight or amount as typed or stored → a decimal, "blank", or the text that is not a number. */
export type NumberRead = { kind: "number"; value: Decimal } | { kind: "blank" } | { kind: "invalid"; text: string };

export function readNumber(raw: number | string | null | undefined): NumberRead {
  if (raw === null || raw === undefined) return { kind: "blank" };
  if (typeof raw === "number") return Number.isFinite(raw) ? { kind: "number", value: new Decimal(raw) } : { kind: "invalid", text: String(raw) };
  if (raw.trim() === "") return { kind: "blank" };
  const parsed = parseDecimal(raw);
  return parsed.ok ? { kind: "number", value: new Decimal(parsed.value) } : { kind: "invalid", text: raw.trim() };
}
