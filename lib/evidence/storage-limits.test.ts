import { describe, expect, it } from "vitest";
import { DEFAULT_EVIDENCE_LIMITS, diskRefusal, evidenceLimitsSchema, formatQuota, quotaRefusal } from "./storage-limits";

const MB = 1024 * 1024;
const GB = 1024 * MB;
const limits = DEFAULT_EVIDENCE_LIMITS;

describe("quotaRefusal", () => {
  it("lets an upload fill a quota exactly, and refuses one byte more, naming the quota", () => {
    expect(quotaRefusal("a.pdf", 10 * MB, { sheetBytes: 190 * MB, userBytes: 0 }, limits)).toBeNull();
    expect(quotaRefusal("a.pdf", 10 * MB + 1, { sheetBytes: 190 * MB, userBytes: 0 }, limits)).toContain(
      "每张绩效目标表的佐证资料配额 200 MB：本表已用 190.0 MB",
    );
    expect(quotaRefusal("a.pdf", 10 * MB, { sheetBytes: 0, userBytes: 490 * MB }, limits)).toBeNull();
    expect(quotaRefusal("a.pdf", 10 * MB + 1, { sheetBytes: 0, userBytes: 490 * MB }, limits)).toContain("每位用户的佐证资料配额 500 MB：您已上传 490.0 MB");
  });
});

describe("diskRefusal", () => {
  const disk = (freeGb: number, totalGb: number) => ({ freeBytes: freeGb * GB, totalBytes: totalGb * GB });

  it("refuses below 1 GB left, whatever the disk's size", () => {
    expect(diskRefusal("a.pdf", 10 * MB, disk(1, 10), limits)).toContain("上传后剩余空间将低于 1 GB 或磁盘的 5%（当前剩余 1.0 GB）");
    expect(diskRefusal("a.pdf", 10 * MB, { freeBytes: GB + 10 * MB, totalBytes: 10 * GB }, limits)).toBeNull();
  });

  it("refuses below 5 % left, however many GB that is", () => {
    expect(diskRefusal("a.pdf", 1, disk(49, 1000), limits)).not.toBeNull();
    expect(diskRefusal("a.pdf", MB, disk(51, 1000), limits)).toBeNull();
  });

  it("takes 0 as no threshold", () => {
    expect(diskRefusal("a.pdf", MB, disk(0.5, 1000), { ...limits, minFreeMb: 0, minFreePercent: 0 })).toBeNull();
  });
});

describe("the settings' numbers", () => {
  it("are whole numbers in range, typed as people type them", () => {
    expect(evidenceLimitsSchema.parse({ sheetQuotaMb: "２００", userQuotaMb: 500, minFreeMb: "0", minFreePercent: "5" })).toEqual({
      sheetQuotaMb: 200,
      userQuotaMb: 500,
      minFreeMb: 0,
      minFreePercent: 5,
    });
    const bad = evidenceLimitsSchema.safeParse({ sheetQuotaMb: "0", userQuotaMb: "1.5", minFreeMb: "", minFreePercent: "100" });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join("."))).toEqual(["sheetQuotaMb", "userQuotaMb", "minFreeMb", "minFreePercent"]);
  });

  it("read as MB or whole GB", () => {
    expect([formatQuota(200), formatQuota(1024), formatQuota(1536), formatQuota(10240)]).toEqual(["200 MB", "1 GB", "1536 MB", "10 GB"]);
  });
});
