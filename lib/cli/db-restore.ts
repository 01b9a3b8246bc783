import path from "node:path";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { dbTarget } from "@/lib/db/config";
import { commandLine } from "./args";
import { reportError, usage } from "./run";

const USAGE = "npm run --silent db:restore -- FILE（db:backup 或 系统管理 → 备份 下载的 .tar.gz；只恢复到空的 DATA_DIR / 空数据库）";
const { positionals } = commandLine(USAGE, {}, { positionals: 1 });
if (!positionals[0]) usage(USAGE);

try {
  const target = dbTarget();
  const result = await restoreBackup(path.resolve(positionals[0]), target);
  const where = target.engine === "pglite" ? `数据目录 ${target.dataDir}` : "PostgreSQL（DATABASE_URL）";
  console.log(
    `已恢复备份（备份时间 ${result.manifest.createdAt}，北京时间）到${where}：${result.rows} 行数据，${result.files} 个佐证资料文件` +
      (result.upgraded.length > 0 ? `；随后应用了本程序较新的迁移：${result.upgraded.join("、")}` : ""),
  );
  process.exit(0);
} catch (error) {
  process.exit(reportError(error));
}
