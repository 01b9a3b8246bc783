import { migrateEvidence, type MigrationStep } from "@/lib/evidence/migrate-evidence";
import { formatBytes } from "@/lib/evidence/storage-limits";
import { openStore } from "@/lib/storage/evidence-store";
import type { EvidenceStore } from "@/lib/storage/port";
import { localStoreSettings, s3StoreSettings, StoreSettingsError } from "@/lib/storage/settings";
import { commandLine } from "./args";
import { runWithDatabase, usage } from "./run";

/**
 * `npm run evidence:migrate -- --to s3` (or `--to local`): copies every 佐证资料 file the database refers to from
 * the other store into this one, verifying each hash; run it again to resume or to pick up files uploaded
 * meanwhile. It does not switch the app over: set EVIDENCE_STORE and restart (README, docs/deploy.md).
 */

const USAGE = "npm run --silent evidence:migrate -- --to s3|local";
const { values } = commandLine(USAGE, { to: { type: "string" } });
if (values.to !== "s3" && values.to !== "local") usage(USAGE);
const to = values.to;

const LABEL: Record<MigrationStep["outcome"], string> = {
  copied: "已复制并校验",
  present: "目标中已有，跳过",
  deleted: "已被删除，跳过",
  missing: "源中缺失，未复制",
  damaged: "已损坏，未复制",
};

await runWithDatabase(async (db) => {
  let s3: EvidenceStore;
  try {
    s3 = openStore(s3StoreSettings());
  } catch (error) {
    if (error instanceof StoreSettingsError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const local = openStore(localStoreSettings());
  const [from, into] = to === "s3" ? [local, s3] : [s3, local];
  await into.checkWritable();
  console.log(`从 ${from.location} 复制到 ${into.location}`);
  const summary = await migrateEvidence(db.prisma, from, into, (step) => {
    const line = `[${step.index}/${step.total}] ${step.sha256.slice(0, 12)}… ${formatBytes(step.size)} ${LABEL[step.outcome]}`;
    if (step.problem) process.stderr.write(`${line}：${step.problem}\n`);
    else console.log(line);
  });
  console.log(
    `完成：共 ${summary.total} 个文件，复制并校验 ${summary.copied} 个，目标中已有 ${summary.present} 个，已被删除 ${summary.deleted} 个` +
      (summary.missing + summary.damaged > 0 ? `，缺失 ${summary.missing} 个，损坏 ${summary.damaged} 个（见上方错误）` : "") +
      "。源存储中的文件未删除。",
  );
  if (summary.missing + summary.damaged > 0) return 1;
  console.log(`请设置 EVIDENCE_STORE=${to} 后重启服务；切换前上传的新文件，可再次运行本命令补齐。`);
});
