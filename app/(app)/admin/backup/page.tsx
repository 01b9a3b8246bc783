import type { Metadata } from "next";
import { orInterrupt } from "@/app/_lib/interrupts";
import { AdminHeader } from "@/components/admin/admin-tabs";
import { BackupPanel } from "@/components/admin/backup-panel";
import { backupOverview } from "@/lib/backup/backup-overview";
import { getDatabase } from "@/lib/db";
import { requireActor } from "@/lib/session/session";

export const metadata: Metadata = { title: "备份与恢复" };

/** 备份: download the whole system as one archive; how to restore it (admins). */
export default async function BackupPage() {
  const actor = await requireActor();
  const overview = await orInterrupt(getDatabase().then((db) => backupOverview(db, actor)));
  return (
    <div className="space-y-4">
      <AdminHeader current="backup" />
      <BackupPanel overview={overview} />
    </div>
  );
}
