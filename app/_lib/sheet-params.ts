import { z } from "zod";
import { idSchema } from "@/lib/input";

/** The `[id]` of a /sheets/[id]/… page: a sheet id (a positive int4), or the page answers 404. */
export const sheetIdParams = z.object({ id: idSchema });
