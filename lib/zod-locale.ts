import { z } from "zod";

/**
 * Messages zod writes itself (type mismatches, unknown keys) in the users' language. A process-wide
 * setting: every module that parses with zod imports this one, so the messages do not depend on import order.
 */
z.config(z.locales.zhCN());
