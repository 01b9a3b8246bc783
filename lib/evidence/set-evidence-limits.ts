import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { versionSchema } from "@/lib/input";
import { parseInput } from "@/lib/parse-input";
import { readEvidenceLimits } from "./evidence-limits";
import { evidenceLimitsFields, type EvidenceLimits } from "./storage-limits";

/** Namespace of the advisory lock of this setting ("EVLM"). */
const SETTINGS_LOCK = 0x45564c4d;

export const setEvidenceLimitsSchema = z.object({ ...evidenceLimitsFields, version: versionSchema });
export type SetEvidenceLimitsInput = z.input<typeof setEvidenceLimitsSchema>;

/**
 * 系统管理 · 佐证资料: an admin sets the quotas per sheet and per user and the free-space threshold
 * (`settings.manage`). Optimistic: a save based on another admin's older settings is refused. Files already
 * stored stay whatever the new quotas; only later uploads are judged by them. Audited `settings.evidence`.
 */
export async function setEvidenceLimits(prisma: PrismaClient, actor: Actor, input: SetEvidenceLimitsInput): Promise<EvidenceLimits & { version: number }> {
  authorize(actor, { type: "settings.manage" });
  const { version, ...limits } = parseInput(setEvidenceLimitsSchema, input, "佐证资料设置有误");
  return prisma.$transaction(async (tx) => {
    // The row may not exist yet: a lock on the setting itself, so two first saves cannot both pass the check.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETTINGS_LOCK}::int4, 1)`;
    const { version: current, ...before } = await readEvidenceLimits(tx);
    if (version !== current) throw new AppError("CONFLICT", "佐证资料设置已被他人修改，请刷新页面后再保存");
    const row = await tx.evidenceLimits.upsert({
      where: { id: 1 },
      create: { id: 1, ...limits },
      update: { ...limits, version: { increment: 1 } },
    });
    await appendAudit(tx, actor, { action: "settings.evidence", entityType: "EvidenceLimits", entityId: 1, before: { ...before }, after: { ...limits } });
    return { ...limits, version: row.version };
  });
}
