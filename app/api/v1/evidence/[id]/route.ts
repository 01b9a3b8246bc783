import { deleteEvidence } from "@/lib/evidence/delete-evidence";
import { readEvidence } from "@/lib/evidence/read-evidence";
import { contentDisposition } from "../../_lib/problem";
import { withActor } from "../../_lib/route";
import { crossSiteRefusal, errorResponse, problemResponse } from "../respond";

type Context = { params: Promise<{ id: string }> };

const parseId = (raw: string): number | null => (/^\d{1,10}$/.test(raw) ? Number(raw) : null);

/**
 * GET /api/v1/evidence/:id — download (always as an attachment, never rendered by the browser), streamed from the
 * evidence store; one `Range: bytes=…` is honoured (206), so an interrupted download of a large file can resume.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(
    "read",
    async ({ actor, prisma }) => {
      const id = parseId((await params).id);
      if (id === null) return problemResponse(404, "找不到该佐证资料");
      const { file, stream, size, range } = await readEvidence(prisma, actor, { id, range: request.headers.get("range") });
      return new Response(stream, {
        status: range ? 206 : 200,
        headers: {
          "Content-Type": file.mimeType,
          "Content-Length": String(range ? range.end - range.start + 1 : size),
          ...(range ? { "Content-Range": `bytes ${range.start}-${range.end}/${size}` } : {}),
          "Accept-Ranges": "bytes",
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
