import { getActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { deleteEvidence } from "@/lib/evidence/delete-evidence";
import { readEvidence } from "@/lib/evidence/read-evidence";
import { contentDisposition } from "../../_lib/problem";
import { crossSiteRefusal, errorResponse, problemResponse, unauthorized } from "../respond";

type Context = { params: Promise<{ id: string }> };

const parseId = (raw: string): number | null => (/^\d{1,10}$/.test(raw) ? Number(raw) : null);

/** GET /api/v1/evidence/:id — download (always as an attachment, never rendered by the browser). */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const actor = await getActor();
  if (!actor) return unauthorized();
  const id = parseId((await params).id);
  if (id === null) return problemResponse(404, "找不到该佐证资料");
  try {
    const { file, stream, size } = await readEvidence(await getPrisma(), actor, { id });
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
  } catch (error) {
    return errorResponse(error);
  }
}

/** DELETE /api/v1/evidence/:id — 删除佐证资料; 200 with the deleted file's JSON. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  const actor = await getActor();
  if (!actor) return unauthorized();
  const id = parseId((await params).id);
  if (id === null) return problemResponse(404, "找不到该佐证资料");
  try {
    const deleted = await deleteEvidence(await getPrisma(), actor, { id });
    return Response.json(deleted, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
