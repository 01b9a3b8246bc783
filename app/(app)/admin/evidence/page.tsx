import type { Metadata } from "next";
import { orInterrupt } from "@/app/_lib/interrupts";
import { AdminHeader } from "@/components/admin/admin-tabs";
import { EvidenceLimitsForm } from "@/components/admin/evidence-limits-form";
import { getPrisma } from "@/lib/db";
import { getEvidenceSettings } from "@/lib/evidence/get-evidence-settings";
import { formatBytes } from "@/lib/evidence/storage-limits";
import { requireActor } from "@/lib/session/session";
import { setEvidenceLimitsAction } from "./actions";

export const metadata: Metadata = { title: "佐证资料存储限制" };

/** 系统管理 · 佐证资料: the quotas per sheet and per user, and the free disk space uploads must leave (admins). */
export default async function EvidenceSettingsPage() {
  const actor = await requireActor();
  const settings = await orInterrupt(getPrisma().then((prisma) => getEvidenceSettings(prisma, actor)));
  const { disk } = settings;
  return (
    <div className="space-y-4">
      <AdminHeader current="evidence" />
      <section aria-labelledby="evidence-store" className="space-y-1 rounded border border-line bg-white p-4">
        <h2 id="evidence-store" className="font-semibold">
          当前存储
        </h2>
        <p>
          佐证资料合计 {formatBytes(settings.usedBytes)}，存放于：{settings.store.location}；
          {settings.store.kind === "s3"
            ? "对象存储不检查磁盘空间，上传只受下列配额限制。"
            : disk
              ? `存放目录所在磁盘剩余 ${formatBytes(disk.freeBytes)}，共 ${formatBytes(disk.totalBytes)}（剩余 ${disk.totalBytes > 0 ? ((disk.freeBytes / disk.totalBytes) * 100).toFixed(1) : "0.0"}%）。`
              : "无法读取存放目录所在磁盘的空间。"}
        </p>
      </section>
      <section aria-labelledby="evidence-limits" className="space-y-2 rounded border border-line bg-white p-4">
        <h2 id="evidence-limits" className="font-semibold">
          存储限制
        </h2>
        <p className="text-muted">
          上传佐证资料时，超过本表或本人的配额、或上传后磁盘剩余空间低于阈值（仅本地目录存储），即拒绝上传并说明原因；已上传的文件不受影响。单个文件仍以 20 MB
          为限。
          {settings.version === 0 ? " 目前使用默认设置。" : ""}
        </p>
        <EvidenceLimitsForm action={setEvidenceLimitsAction} limits={{ ...settings.limits, version: settings.version }} />
      </section>
    </div>
  );
}
