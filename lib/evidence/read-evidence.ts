import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { loadSheetScope } from "@/lib/sheets/sheet-scope";
import { type EvidenceFileView, evidenceSelect, toEvidenceView } from "./evidence-view";
import { idOf } from "@/lib/input";
import { evidenceStore } from "@/lib/storage/evidence-store";
import type { ByteRange } from "@/lib/storage/port";
import { resolveRange } from "./byte-range";

export interface EvidenceDownload {
  file: EvidenceFileView;
  /** The stored bytes (all, or the range); the caller must consume or cancel it (it holds a file or a connection). */
  stream: ReadableStream<Uint8Array>;
  /** Bytes stored (equal to file.sizeBytes unless the store was tampered with). */
  size: number;
  /** The part served, when the request asked for one (HTTP 206). */
  range: ByteRange | null;
}

/**
 * 下载佐证资料: metadata and content of one file, for anyone who may read its sheet; streamed from the evidence store,
 * whole or the one range `Range:` asks for (byte-range.ts; RangeNotSatisfiableError past the end).
 */
export async function readEvidence(prisma: PrismaClient, actor: Actor, input: { id: number; range?: string | null }): Promise<EvidenceDownload> {
  const id = parseInput(idOf("佐证资料编号有误"), input.id, "佐证资料编号有误");
  const row = await prisma.evidenceFile.findUnique({ where: { id }, select: evidenceSelect });
  if (!row) throw new AppError("NOT_FOUND", "找不到该佐证资料");
  const sheet = await loadSheetScope(prisma, row.sheetId);
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该佐证资料");
  authorize(actor, { type: "sheet.read", sheet });
  const range = resolveRange(input.range, row.sizeBytes);
  const content = await evidenceStore().open(row.sha256, range ?? undefined);
  if (!content) throw new AppError("NOT_FOUND", `佐证资料「${row.originalName}」的文件已丢失，请重新上传`);
  return { file: toEvidenceView(row), stream: content.stream, size: content.size, range };
}
