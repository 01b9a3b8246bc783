import type { LightView } from "@/lib/progress/progress-view";

/** A light's badge and dot colours (`none`: nothing entered yet). */
export const LIGHT_STYLE: Readonly<Record<NonNullable<LightView["light"]> | "none", { badge: string; dot: string }>> = {
  red: { badge: "border-red-300 bg-red-50 text-red-800", dot: "bg-red-600" },
  yellow: { badge: "border-amber-300 bg-amber-50 text-amber-900", dot: "bg-amber-500" },
  green: { badge: "border-green-300 bg-green-50 text-green-800", dot: "bg-green-600" },
  blue: { badge: "border-sky-300 bg-sky-50 text-sky-800", dot: "bg-sky-600" },
  none: { badge: "border-line bg-white text-muted", dot: "bg-gray-300" },
};

/**
 * A warning light: colour and its text label (`红灯·进度滞后`), never colour alone; the computation behind it
 * is one hover away (title) and read out to screen readers with the label.
 */
export function LightBadge({ light, className = "" }: { light: LightView; className?: string }) {
  const style = LIGHT_STYLE[light.light ?? "none"];
  return (
    <span
      title={light.reason}
      className={`inline-flex cursor-help items-center gap-1 whitespace-nowrap rounded border px-1.5 py-px text-xs ${style.badge} ${className}`}
    >
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${style.dot}`} />
      {light.label}
      <span className="sr-only">（{light.reason}）</span>
    </span>
  );
}
