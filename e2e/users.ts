import path from "node:path";

/** The demo users `npm run db:seed` creates in an empty database (passwords for the embedded demo only). */
export const USERS = {
  admin: { username: "admin", password: "Admin@2025demo", displayName: "系统管理员", role: "管理员" },
  manager: { username: "manager", password: "Manager@2025demo", displayName: "王科长", role: "管理者" },
  lead: { username: "lead", password: "Lead@2025demo", displayName: "冯先生", role: "项目负责人" },
  lead2: { username: "lead2", password: "Lead2@2025demo", displayName: "范先生", role: "项目负责人" },
  evaluator: { username: "evaluator", password: "Evaluator@2025demo", displayName: "评价专家", role: "评价人" },
} as const;

export type UserKey = keyof typeof USERS;

/** Where the setup project keeps each user's signed-in browser state. */
export const storageStateOf = (user: UserKey) => path.join(process.env.PTT_E2E_DATA_DIR ?? "test-results", "e2e-auth", `${user}.json`);

/** Sheets of the seed used by the journeys, with an indicator each prints. */
export const SHEETS = {
  liangqu: { name: "2025年“两区”创新建设专项", lead: "冯先生", indicator: "支持产业核心技术攻关项目数量" },
  peitao: { name: "落实2023年厅地联动市级配套专项资金", lead: "冯先生" },
  kepu: { name: "乌鲁木齐市系列科普工作", lead: "范先生", indicator: "开展科普宣传活动次数" },
  department: { name: "部门整体绩效目标", indicator: "企业新获得自治区科学技术奖励数量" },
} as const;
