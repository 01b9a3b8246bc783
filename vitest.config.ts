import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Two projects: pure unit tests, and integration tests that each get a fresh database
// (in-memory PGlite, or a throwaway PostgreSQL database when DATABASE_URL is set).
// Time limits catch a hung test, not a slow machine: a unit test that builds a workbook or reads 20 MB takes
// well under a second alone but several seconds on a busy 2-core machine, so neither project keeps Vitest's 5 s.
export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Tests run on the server side: the marker resolves as it does under Next's react-server condition
      // (docs/dependencies.md).
      "server-only": `${root}node_modules/server-only/empty.js`,
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts"], exclude: ["**/*.int.test.ts"], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: "integration", include: ["lib/**/*.int.test.ts", "app/**/*.int.test.ts"], testTimeout: 60_000, hookTimeout: 120_000 },
      },
    ],
  },
});
