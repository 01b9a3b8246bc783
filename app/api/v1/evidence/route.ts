import { uploadEvidence } from "@/lib/evidence/upload-evidence";
import { readUploadForm } from "@/lib/evidence/upload-request";
import { withActor } from "../_lib/route";
import { crossSiteRefusal, errorResponse, problemResponse } from "./respond";

/**
 * POST /api/v1/evidence — 上传佐证资料. multipart/form-data: sheetId, month (1–12), indicatorId (optional),
 * file. 201 with the stored file's JSON, or `{ error, problems }` with 400/401/403/404/413/423/429, or 507 when a quota
 * or the disk's free space would be passed.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  return withActor(
    "write",
    async ({ actor, prisma }) => {
      const { fields, file } = await readUploadForm(request);
      if (!file) return problemResponse(400, "请选择要上传的文件", [{ path: "file", message: "请选择要上传的文件" }]);
      const created = await uploadEvidence(prisma, actor, {
        sheetId: toNumber(fields.sheetId),
        month: toNumber(fields.month),
        indicatorId: fields.indicatorId ? toNumber(fields.indicatorId) : null,
        file,
      });
      return Response.json(created, { status: 201, headers: { Location: `/api/v1/evidence/${created.id}`, "Cache-Control": "no-store" } });
    },
    errorResponse,
  );
}

/** Form text to a number for the use case's own validation (NaN is refused there with a message). */
const toNumber = (text: string | undefined): number => (text === undefined || text.trim() === "" ? Number.NaN : Number(text.trim()));
