import { checkHealth } from "@/lib/health/check-health";

/**
 * GET /api/health for load balancers (docs/deploy.md): 200 when this instance can serve, 503 with the failing
 * check otherwise. No sign-in and no rate limit — a balancer polls it every few seconds —, and nothing in the body
 * a stranger could use (lib/health/check-health.ts).
 */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = await checkHealth();
  return Response.json(report, { status: report.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
