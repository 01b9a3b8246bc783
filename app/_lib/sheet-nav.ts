import { cache } from "react";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { getSheetNav } from "@/lib/sheets/sheet-nav";
import { orInterrupt } from "./interrupts";

/** The header of a sheet page (name, tabs), read once per request; 404 / 403 like the page itself. */
export const loadSheetNav = cache(async (sheetId: number) => {
  const actor = await requireActor();
  return orInterrupt(getPrisma().then((prisma) => getSheetNav(prisma, actor, sheetId)));
});
