import { SYSTEM } from "@/lib/auth/actor";
import { formatTimestamp } from "@/lib/beijing-time";
import { unlockUser } from "@/lib/users/unlock-user";
import { commandLine } from "./args";
import { runWithDatabase, usage } from "./run";

/**
 * `npm run user:unlock -- --username U`: lifts a sign-in lock from the command line (docs/security.md), e.g.
 * when the only admin is locked out. Audited as `user.unlock` by the system. Exit 0 when unlocked or not locked,
 * 1 for an unknown user or a database problem, 2 for a wrong command line.
 */
const USAGE = "npm run user:unlock -- --username 用户名";
const { values } = commandLine(USAGE, { username: { type: "string" } });
if (!values.username?.trim()) usage(USAGE);

await runWithDatabase(async (db) => {
  const { username, lifted } = await unlockUser(db.prisma, SYSTEM, { username: values.username! });
  if (!lifted) {
    console.log(`用户 ${username} 没有被锁定（已清除其登录失败计数）`);
    return;
  }
  const where = lifted.scope === "account" ? "所有来源地址" : `来源地址 ${lifted.addresses.join("、")}`;
  console.log(`已解除用户 ${username} 的登录锁定（原锁定至 ${formatTimestamp(lifted.until)}（北京时间），${where}）`);
});
