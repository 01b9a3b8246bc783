import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "@/lib/assignments/assign";
import { finaliseEvaluation } from "@/lib/evaluation/finalise-evaluation";
import { reopenEvaluation } from "@/lib/evaluation/reopen-evaluation";
import { saveEvaluation } from "@/lib/evaluation/save-evaluation";
import { createFixture, type Fixture, typedRows } from "@/lib/testing/evaluation-fixtures";

/** The year-end and 分工 events reach who docs/notifications.md says, in the transaction of their use case. */

let f: Fixture;
let ids: Record<"lead" | "lead2" | "manager" | "evaluator", number>;
beforeAll(async () => {
  f = await createFixture();
  const users = await f.db.prisma.user.findMany({ where: { username: { in: ["lead", "lead2", "manager", "evaluator"] } } });
  ids = Object.fromEntries(users.map((u) => [u.username, u.id])) as typeof ids;
}, 60_000);
afterAll(async () => {
  await f?.db.close();
});

const received = (event: string) =>
  f.db.prisma.notification.findMany({
    where: { event: event as "SHEET_ASSIGNED" },
    orderBy: [{ userId: "asc" }, { id: "asc" }],
    select: { userId: true, title: true, body: true, link: true },
  });

describe("workflow events beyond the month", () => {
  it("a sheet assigned to you: the assignee hears of it, once per assignment", async () => {
    await assign(f.db.prisma, f.actors.admin, { sheetId: f.sheetId, userId: ids.lead2, role: "LEAD" });
    await assign(f.db.prisma, f.actors.admin, { sheetId: f.sheetId, userId: ids.lead2, role: "LEAD" });
    expect(await received("SHEET_ASSIGNED")).toEqual([
      {
        userId: ids.lead2,
        title: "你被分配为「2025年“两区”创新建设专项」的项目负责人",
        body: expect.stringContaining("2025年度"),
        link: `/sheets/${f.sheetId}`,
      },
    ]);
  });

  it("an evaluation finalised reaches the leads and the managers; reopened, the evaluator too, with the reason", async () => {
    await saveEvaluation(f.db.prisma, f.actors.evaluator, {
      sheetId: f.sheetId,
      version: 0,
      executed: "1500",
      rows: typedRows(f, { 4: { deviationReason: "指标值设定偏低，已扣分；下年度按实际能力调高" } }),
    });
    await finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1, earlyReason: "负责人未按期提交自评" });
    const finalised = await received("EVALUATION_FINALISED");
    expect(finalised.map((n) => n.userId).sort()).toEqual([ids.lead, ids.lead2, ids.manager].sort());
    expect(finalised[0]!.title).toBe("「2025年“两区”创新建设专项」2025年度年终评价已定稿");
    expect(finalised[0]!.body).toMatch(/^评价人：.+\n总分 [\d.]+，等级「.+」\n提前定稿原因：负责人未按期提交自评$/);

    await reopenEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId, version: 2, reason: "复核扣分依据" });
    const reopened = await received("EVALUATION_REOPENED");
    expect(reopened.map((n) => n.userId).sort()).toEqual([ids.evaluator, ids.lead, ids.lead2, ids.manager].sort());
    expect(reopened[0]!.body).toBe("操作人：王科长\n重新开放原因：复核扣分依据");
    expect(reopened[0]!.link).toBe(`/sheets/${f.sheetId}/evaluate`);
  });
});
