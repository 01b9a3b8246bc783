import { redirect } from "next/navigation";

/** 系统管理 opens on 用户与分工. */
export default function AdminHome() {
  redirect("/admin/users");
}
