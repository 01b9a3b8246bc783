import type { DefaultSession } from "next-auth";

// What our callbacks carry (see lib/session/options.ts): the user id and the session version it was issued under.
declare module "next-auth" {
  interface Session {
    user?: { id?: string; sv?: number } & DefaultSession["user"];
  }
  interface User {
    sv?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
  }
}
