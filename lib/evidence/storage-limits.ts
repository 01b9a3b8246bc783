import { z } from "zod";
import { wholeNumberOf } from "@/lib/input";

/**
 * Limits of the 佐证资料 store as a whole (issue 11), beside the per-file limits of limits.ts: a quota per sheet
 * (Σ sizes of its files), a quota per uploader (Σ sizes of the files they uploaded, on every sheet), and the free
 * space an upload must leave on the file system of the evidence directory. An admin sets them in 系统管理; these
 * are the defaults until then. Sizes count every file as uploaded, even when equal content is stored once: a
 * quota is what a person put in, and deleting one's own file always frees what it counted. Pure.
 */

export interface EvidenceLimits {
  sheetQuotaMb: number;
  userQuotaMb: number;
  minFreeMb: number;
  minFreePercent: number;
}

export const DEFAULT_EVIDENCE_LIMITS: Readonly<EvidenceLimits> = { sheetQuotaMb: 200, userQuotaMb: 500, minFreeMb: 1024, minFreePercent: 5 };

const MB = 1024 * 1024;
/** Up to 1 TB per quota, 10 TB of free space: beyond any real store, small enough for an INTEGER of MB. */
const MAX_QUOTA_MB = 1024 * 1024;
const MAX_FREE_MB = 10 * 1024 * 1024;

export const evidenceLimitsFields = {
  sheetQuotaMb: wholeNumberOf(`每张绩效目标表的配额应为 1–${MAX_QUOTA_MB} MB 的整数`, 1, MAX_QUOTA_MB),
  userQuotaMb: wholeNumberOf(`每位用户的配额应为 1–${MAX_QUOTA_MB} MB 的整数`, 1, MAX_QUOTA_MB),
  minFreeMb: wholeNumberOf(`最少剩余空间应为 0–${MAX_FREE_MB} MB 的整数`, 0, MAX_FREE_MB),
  minFreePercent: wholeNumberOf("最少剩余比例应为 0–99 的整数（%）", 0, 99),
};

export const evidenceLimitsSchema = z.object(evidenceLimitsFields);

/** Bytes as people read them in these messages: `12.3 MB`, `1.5 GB`. */
export function formatBytes(bytes: number): string {
  const mb = bytes / MB;
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${mb.toFixed(1)} MB`;
}

/** A quota in words: `200 MB`, `2 GB` (whole GB shown as GB). */
export const formatQuota = (mb: number): string => (mb >= 1024 && mb % 1024 === 0 ? `${mb / 1024} GB` : `${mb} MB`);

export interface StoreUsage {
  /** Bytes of the sheet's files, and of the uploader's, before this upload. */
  sheetBytes: number;
  userBytes: number;
}

/** Why an upload of `size` bytes would break a quota, naming the quota; null when both leave room. */
export function quotaRefusal(name: string, size: number, usage: StoreUsage, limits: EvidenceLimits): string | null {
  if (usage.sheetBytes + size > limits.sheetQuotaMb * MB) {
    return `文件「${name}」（${formatBytes(size)}）超出每张绩效目标表的佐证资料配额 ${formatQuota(limits.sheetQuotaMb)}：本表已用 ${formatBytes(usage.sheetBytes)}。请删除不再需要的文件，或请管理员在系统管理中调整配额`;
  }
  if (usage.userBytes + size > limits.userQuotaMb * MB) {
    return `文件「${name}」（${formatBytes(size)}）超出每位用户的佐证资料配额 ${formatQuota(limits.userQuotaMb)}：您已上传 ${formatBytes(usage.userBytes)}。请删除不再需要的文件，或请管理员在系统管理中调整配额`;
  }
  return null;
}

export interface DiskSpace {
  /** Bytes an unprivileged process may still write, and the file system's size. */
  freeBytes: number;
  totalBytes: number;
}

/** Why an upload of `size` bytes would leave the disk too full, naming the threshold; null when it leaves enough. */
export function diskRefusal(name: string, size: number, disk: DiskSpace, limits: EvidenceLimits): string | null {
  const left = disk.freeBytes - size;
  const tooLittle = left < limits.minFreeMb * MB;
  const tooSmallShare = disk.totalBytes > 0 && (left / disk.totalBytes) * 100 < limits.minFreePercent;
  if (!tooLittle && !tooSmallShare) return null;
  return `服务器磁盘空间不足，文件「${name}」未上传：上传后剩余空间将低于 ${formatQuota(limits.minFreeMb)} 或磁盘的 ${limits.minFreePercent}%（当前剩余 ${formatBytes(Math.max(0, disk.freeBytes))}）。请联系管理员清理磁盘或调整阈值`;
}
