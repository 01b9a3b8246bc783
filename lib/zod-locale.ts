import { z } from "zod";

/**
 * Messages zod writes itself (type mismatches, unknown keys) in the users' language. A process-wide
 * setting: every module that parses with zod imports this one, so the messages do not depend on import order.
 */
z.config(z.locales.zhCN());

// In the browser zod would probe, when it builds its first object schema, whether it may compile parsers with
// `new Function`; the pages' CSP forbids eval (docs/security.md), so the probe is refused and reported as a
// violation. There parsers are interpreted. Hence also: import this module before building a schema.
if (typeof window !== "undefined") z.config({ jitless: true });
