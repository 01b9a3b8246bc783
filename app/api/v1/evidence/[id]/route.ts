import { deleteEvidence } from "@/lib/evidence/delete-evidence";
import { readEvidence } from "@/lib/evidence/read-evidence";
import { contentDisposition } from "../../_lib/problem";
import { withActor } from "../../_lib/route";
import { crossSiteRefusal, errorResponse, problemResponse } from "../respond";

type Context = { params: Promise<{ id: string }> };

const parseId = (raw: string): number | null => (/^\d{1,10}$/.test(raw) ? Number(raw) : null);

/** GET /api/v1/evidence/:id — download (always as an attachment, never rendered by the browser). */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  return withActor(
    "read",
    async ({ actor, prisma }) => {
      const id = parseId((await params).id);
      if (id === null) return problemResponse(404, "找不到该佐证资料");
      const { file, stream, size } = await readEvidence(prisma, actor, { id });
      return new Response(stream, {
        status: 200,
        headers: {
          "Content-Type": file.mimeType,
          "Content-Length": String(size),
          "Content-Disposition": contentDisposition(file.originalName),
          "X-Content-Type-Options": "nosniff",
          "Cache-Control": "private, no-store",
        },
      });
    },
    errorResponse,
  );
}

/** DELETE /api/v1/evidence/:id — 删除佐证资料; 200 with the deleted file's JSON. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  return withActor(
    "write",
    async ({ actor, prisma }) => {
      const id = parseId((await params).id);
      if (id === null) return problemResponse(404, "找不到该佐证资料");
      const deleted = await deleteEvidence(prisma, actor, { id });
      return Response.json(deleted, { headers: { "Cache-Control": "no-store" } });
    },
    errorResponse,
  );
}
