import { readNow, passReportText } from "@/lib/reminders/report-text";
import { runReminderPass } from "@/lib/reminders/run-pass";
import { commandLine } from "./args";
import { runWithDatabase } from "./run";

const USAGE = `npm run reminders:run -- [--now 时间]
  运行一轮提醒调度（与服务器内每分钟一轮的调度相同）：生成到期的截止提醒、逾期提醒和管理者每日汇总，
  汇总每日摘要邮件，再发送发件箱中的邮件和群机器人消息；打印生成和发送了什么。
  --now 时间   按该时间运行，ISO 8601，如 2025-08-11T09:00:00+08:00；不带时区按北京时间；默认为现在
  可与正在运行的服务器（PostgreSQL）同时使用：每条提醒只生成一次，每条消息只发送一次。`;

const { values } = commandLine(USAGE, { now: { type: "string" } });
const now = values.now === undefined ? new Date() : readNow(values.now);
if (now === null) {
  process.stderr.write(`「${values.now}」不是有效的时间，例如 2025-08-11T09:00:00+08:00\n用法：${USAGE}\n`);
  process.exit(2);
}
await runWithDatabase(async (db) => console.log(passReportText(await runReminderPass(db.prisma, { now }))));
