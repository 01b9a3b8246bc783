import type { DefaultSession } from "next-auth";

// What our session callback puts in the session: the user id only (see lib/auth/options.ts).
declare module "next-auth" {
  interface Session {
    user?: { id?: string } & DefaultSession["user"];
  }
}
