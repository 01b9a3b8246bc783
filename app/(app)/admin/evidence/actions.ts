"use server";

import { runAction } from "@/app/_lib/action";
import { setEvidenceLimits, setEvidenceLimitsSchema } from "@/lib/evidence/set-evidence-limits";
import { formatQuota } from "@/lib/evidence/storage-limits";

/** 保存设置 of 系统管理 · 佐证资料. */
export async function setEvidenceLimitsAction(input: unknown) {
  return runAction(
    setEvidenceLimitsSchema,
    input,
    async ({ prisma, actor, input }) => {
      const limits = await setEvidenceLimits(prisma, actor, input);
      return {
        data: limits,
        message: `已保存：每张表 ${formatQuota(limits.sheetQuotaMb)}，每人 ${formatQuota(limits.userQuotaMb)}，磁盘至少保留 ${formatQuota(limits.minFreeMb)} 且不低于 ${limits.minFreePercent}%`,
      };
    },
    { revalidate: ["/admin/evidence"] },
  );
}
