import { downloadBackup } from "@/lib/backup/download-backup";
import { getDatabase } from "@/lib/db";
import { contentDisposition } from "../_lib/problem";
import { withActor } from "../_lib/route";
import { crossSiteRefusal } from "../evidence/respond";

/** POST /api/v1/backup — 系统管理 → 备份: the whole system as one .tar.gz (admins; audited). */
export async function POST(request: Request): Promise<Response> {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  // A whole archive is heavy: it counts as a write of the admin's rate (lib/rate-limit).
  return withActor("write", async ({ actor }) => {
    const backup = await downloadBackup(await getDatabase(), actor);
    return new Response(backup.stream, {
      status: 200,
      headers: {
        "Content-Type": "application/gzip",
        "Content-Length": String(backup.bytes),
        "Content-Disposition": contentDisposition(backup.filename),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  });
}
