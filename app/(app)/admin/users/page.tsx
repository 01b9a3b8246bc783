import type { Metadata } from "next";
import { orInterrupt } from "@/app/_lib/interrupts";
import { AdminHeader } from "@/components/admin/admin-tabs";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersTable } from "@/components/admin/users-table";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { listUsers } from "@/lib/users/list-users";
import { createUserAction, unlockUserAction } from "./actions";

export const metadata: Metadata = { title: "用户与分工" };

export default async function UsersPage() {
  const actor = await requireActor();
  const { users, departments } = await orInterrupt(getPrisma().then((prisma) => listUsers(prisma, actor)));
  return (
    <div className="space-y-4">
      <AdminHeader current="users" />
      <section aria-labelledby="create-user" className="rounded border border-line bg-white p-4">
        <h2 id="create-user" className="mb-3 font-semibold">
          新建用户
        </h2>
        <CreateUserForm action={createUserAction} departments={departments} />
      </section>
      <section aria-labelledby="user-list">
        <h2 id="user-list" className="mb-2 font-semibold">
          用户列表
        </h2>
        <UsersTable rows={users} unlockAction={unlockUserAction} />
      </section>
    </div>
  );
}
