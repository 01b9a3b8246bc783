import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Removes this run's temporary data directory (database, session key, saved logins). */
export default function globalTeardown() {
  const dir = process.env.PTT_E2E_DATA_DIR;
  if (dir && path.dirname(path.resolve(dir)) === path.resolve(os.tmpdir()) && path.basename(dir).startsWith("ptt-e2e-")) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
