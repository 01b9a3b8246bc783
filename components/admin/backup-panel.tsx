import type { BackupOverview } from "@/lib/backup/backup-overview";
import { Button } from "@/components/ui/button";
import { formatFileSize } from "@/lib/evidence/limits";

/**
 * 系统管理 → 备份: one button downloads the archive (a plain form post: the browser saves the file, the page stays);
 * below, what it holds, the latest downloads, and how to restore (a command, on an empty data directory).
 */
export function BackupPanel({ overview }: { overview: BackupOverview }) {
  return (
    <>
      <section aria-labelledby="backup-download" className="space-y-3 rounded border border-line bg-white p-4">
        <h2 id="backup-download" className="font-semibold">
          下载备份
        </h2>
        <p>
          一个 .tar.gz 文件，包含整个数据库（{overview.engine === "pglite" ? "内嵌数据库" : "PostgreSQL"}，数据库结构 {overview.schema}）和全部佐证资料（
          {overview.evidence.files} 个文件，{formatFileSize(overview.evidence.bytes)}），取自同一时刻。备份中有用户的密码散列：请像保管数据库一样保管它。
        </p>
        <form method="post" action="/api/v1/backup">
          <Button type="submit">下载备份</Button>
        </form>
        <p className="text-muted">生成备份需要几秒到几分钟（视佐证资料多少）；下载会记入操作日志。</p>
      </section>
      <section aria-labelledby="backup-recent" className="space-y-2">
        <h2 id="backup-recent" className="font-semibold">
          最近的备份下载
        </h2>
        {overview.recent.length === 0 ? (
          <p className="text-muted">还没有人下载过备份。</p>
        ) : (
          <table aria-labelledby="backup-recent" className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-line text-muted">
                <th className="px-2 py-1 font-medium">时间</th>
                <th className="px-2 py-1 font-medium">下载人</th>
                <th className="px-2 py-1 font-medium">文件</th>
                <th className="px-2 py-1 text-right font-medium">大小</th>
              </tr>
            </thead>
            <tbody>
              {overview.recent.map((row) => (
                <tr key={`${row.at}-${row.filename}`} className="border-b border-line">
                  <td className="px-2 py-1 tabular-nums">{row.at}</td>
                  <td className="px-2 py-1">{row.by}</td>
                  <td className="px-2 py-1 break-all">{row.filename}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{row.bytes === null ? "—" : formatFileSize(row.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="backup-restore" className="space-y-2 rounded border border-line bg-white p-4">
        <h2 id="backup-restore" className="font-semibold">
          恢复
        </h2>
        <p>恢复在服务器上用命令完成，只写入空的数据目录（或空的 PostgreSQL 数据库），不会覆盖现有数据：</p>
        <pre className="overflow-x-auto rounded bg-gray-50 p-3 text-sm">DATA_DIR=/新的/数据目录 npm run db:restore -- 备份文件.tar.gz</pre>
        <p className="text-muted">恢复前会核对每个文件的 sha256 和数据库结构版本；备份来自更新版本的程序时会拒绝，请先升级程序。</p>
      </section>
    </>
  );
}
