import { defineConfig } from "prisma/config";

// `prisma generate` needs no schema engine, but the CLI looks for one and would try to download it
// from a host that intranet machines cannot reach. Any existing file satisfies the check.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/true";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Only `prisma migrate deploy` (run where the engine exists) reads this; the app selects its database in lib/db.
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
