import path from "node:path";
import { writeBackup } from "@/lib/backup/write-backup";
import { dbTarget } from "@/lib/db/config";
import { DataDirLockedError } from "@/lib/db/lock";
import { type Database, openDatabase } from "@/lib/db/open";
import { commandLine } from "./args";
import { reportError, usage } from "./run";

const USAGE = "npm run --silent db:backup -- --out FILE（.tar.gz）";
const { values } = commandLine(USAGE, { out: { type: "string" } });
if (!values.out) usage(USAGE);
const out = path.resolve(values.out);

let db: Database | undefined;
let status = 0;
try {
  db = await openDatabase(dbTarget());
  const { manifest, bytes } = await writeBackup(db, out);
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `已写入备份 ${out}：${(bytes / 1024 / 1024).toFixed(1)} MB，${manifest.tables.length} 张表共 ${rows} 行，${manifest.files.length} 个佐证资料文件；` +
      `数据库结构 ${manifest.migrations.at(-1)!.name}，备份时间 ${manifest.createdAt}（北京时间）`,
  );
} catch (error) {
  status = reportError(error);
  // The embedded database is open in the running server: it can still give a backup (docs/security.md).
  if (error instanceof DataDirLockedError) process.stderr.write("服务运行时，管理员可在 系统管理 → 备份 下载同样的备份文件。\n");
} finally {
  await db?.close().catch(() => undefined);
}
process.exit(status);
