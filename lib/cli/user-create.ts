import { createInterface } from "node:readline";
import { SYSTEM } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/create-user";
import { commandLine } from "./args";
import { readInput, runWithDatabase, usage } from "./run";

const USAGE = "npm run user:create -- --username NAME --display-name 姓名 --role ADMIN|MANAGER|LEAD|EVALUATOR [--department 部门名称] [--password-stdin]";
const { values } = commandLine(USAGE, {
  username: { type: "string" },
  "display-name": { type: "string" },
  role: { type: "string" },
  department: { type: "string" },
  "password-stdin": { type: "boolean" },
});
if (!values.username || !values["display-name"] || !values.role) usage(USAGE);

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write(question);
  output._writeToOutput = () => {};
  return new Promise((resolve) =>
    rl.question("", (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    }),
  );
}

async function readPassword(): Promise<string> {
  if (values["password-stdin"]) return (await readInput("-")).split(/\r?\n/)[0] ?? "";
  if (!process.stdin.isTTY) usage(`${USAGE}\n（非交互环境请用 --password-stdin 从标准输入传入密码）`);
  const first = await askHidden("密码：");
  if (first !== (await askHidden("再次输入密码："))) {
    process.stderr.write("两次输入的密码不一致\n");
    process.exit(2);
  }
  return first;
}

const password = await readPassword();
await runWithDatabase(async (db) => {
  const user = await createUser(db.prisma, SYSTEM, {
    username: values.username!,
    displayName: values["display-name"]!,
    role: values.role as "ADMIN",
    department: values.department,
    password,
  });
  console.log(`已创建用户 ${user.username}（${user.displayName}，${user.role}）`);
});
