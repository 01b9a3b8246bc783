import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getPrisma } from "@/lib/db";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { resolveAuthSecret } from "./secret";

/** Sessions last a working week of inactivity; the user row is re-read on every request anyway. */
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60 * 5;

/**
 * Built on first use, not at import: `next build` evaluates route modules and must not create
 * DATA_DIR/nextauth-secret on the build machine.
 */
let cached: AuthOptions | undefined;

export function getAuthOptions(): AuthOptions {
  cached ??= {
    secret: resolveAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "用户名和密码",
        credentials: {
          username: { label: "用户名", type: "text" },
          password: { label: "密码", type: "password" },
        },
        async authorize(credentials) {
          const username = credentials?.username ?? "";
          const password = credentials?.password ?? "";
          if (!username.trim() || !password) return null;
          const actor = await verifyCredentials(await getPrisma(), username, password);
          return actor ? { id: String(actor.id) } : null;
        },
      }),
    ],
    callbacks: {
      // The cookie carries the user id and nothing else: name, role and department are read from the
      // database on every request (lib/auth/session.ts), so a change or a deactivation applies at once.
      jwt({ token, user }) {
        return { sub: user ? user.id : token.sub };
      },
      session({ session, token }) {
        return { expires: session.expires, user: { id: token.sub } };
      },
      // `redirect` stays next-auth's default: it answers absolute URLs on its base URL (a placeholder
      // when NEXTAUTH_URL is unset), which the client only parses for an `error` parameter.
    },
    logger: {
      error: (code, metadata) => console.error(`[next-auth] ${code}`, metadata),
      // Without NEXTAUTH_URL next-auth warns once; the app never relies on its absolute URLs (the
      // client signs in and out with redirect: false and navigates by relative path).
      warn: (code) => {
        if (code !== "NEXTAUTH_URL") console.warn(`[next-auth] ${code}`);
      },
      debug: () => {},
    },
  };
  return cached;
}
