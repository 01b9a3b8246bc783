import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { loadSheetScope } from "@/lib/sheets/sheet-scope";
import { type EvidenceFileView, evidenceSelect, toEvidenceView } from "./evidence-view";
import { idOf } from "@/lib/input";
import { openContent } from "./storage";

export interface EvidenceDownload {
  file: EvidenceFileView;
  /** The stored bytes; the caller must consume or cancel it (it holds an open file). */
  stream: ReadableStream<Uint8Array>;
  /** Bytes on disk (equal to file.sizeBytes unless the store was tampered with). */
  size: number;
}

/** 下载佐证资料: metadata and content of one file, for anyone who may read its sheet. */
export async function readEvidence(prisma: PrismaClient, actor: Actor, input: { id: number }): Promise<EvidenceDownload> {
  const id = parseInput(idOf("佐证资料编号有误"), input.id, "佐证资料编号有误");
  const row = await prisma.evidenceFile.findUnique({ where: { id }, select: evidenceSelect });
  if (!row) throw new AppError("NOT_FOUND", "找不到该佐证资料");
  const sheet = await loadSheetScope(prisma, row.sheetId);
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该佐证资料");
  authorize(actor, { type: "sheet.read", sheet });
  const content = await openContent(row.sha256);
  if (!content) throw new AppError("NOT_FOUND", `佐证资料「${row.originalName}」的文件已丢失，请重新上传`);
  return { file: toEvidenceView(row), stream: content.stream, size: content.size };
}
