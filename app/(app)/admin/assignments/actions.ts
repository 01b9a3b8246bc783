"use server";

import { runAction } from "@/app/_lib/action";
import { assign, assignSchema } from "@/lib/assignments/assign";
import { unassign, unassignSchema } from "@/lib/assignments/unassign";

// A change of duties changes who may open which sheet: the sheet pages re-read on the next request anyway.
const PAGES = ["/admin/assignments", "/admin/users"];

export async function assignAction(input: unknown) {
  return runAction(assignSchema, input, async ({ prisma, actor, input }) => ({ data: null, message: (await assign(prisma, actor, input)).message }), {
    revalidate: PAGES,
  });
}

export async function unassignAction(input: unknown) {
  return runAction(unassignSchema, input, async ({ prisma, actor, input }) => ({ data: null, message: (await unassign(prisma, actor, input)).message }), {
    revalidate: PAGES,
  });
}
