import { z } from "zod";

/** The `[id]` of a /sheets/[id]/… page: a sheet id (a positive int4), or the page answers 404. */
export const sheetIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
