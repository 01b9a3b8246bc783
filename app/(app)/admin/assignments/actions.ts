"use server";

import type { ActionState } from "@/components/admin/action-state";
import { assign, assignSchema } from "@/lib/assignments/assign";
import { unassign, unassignSchema } from "@/lib/assignments/unassign";
import { runFormAction } from "../../_lib/run-action";

// A change of duties changes who may open which sheet: the sheet pages re-read on the next request anyway.
const PAGES = ["/admin/assignments", "/admin/users"];

export async function assignAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction({ schema: assignSchema, form, revalidate: PAGES, run: async (prisma, actor, input) => (await assign(prisma, actor, input)).message });
}

export async function unassignAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction({ schema: unassignSchema, form, revalidate: PAGES, run: async (prisma, actor, input) => (await unassign(prisma, actor, input)).message });
}
