import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getPrisma } from "@/lib/db";
import { signIn } from "@/lib/users/sign-in";
import { clientAddress } from "./client-address";
import { redirectPath } from "./return-path";
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
        async authorize(credentials, req) {
          const username = credentials?.username ?? "";
          const password = credentials?.password ?? "";
          if (!username.trim() || !password) return null;
          // next-auth passes the headers, not the socket: the address comes from X-Forwarded-For as TRUST_PROXY says.
          const address = clientAddress(req?.headers, process.env.TRUST_PROXY);
          const result = await signIn(await getPrisma(), { username, password, address });
          // A refusal is CredentialsSignin whatever its cause: one answer for a wrong password and a lock.
          return result.ok ? { id: String(result.actor.id), sv: result.sessionVersion } : null;
        },
      }),
    ],
    callbacks: {
      // The cookie carries the user id and session version and nothing else: name, role and department
      // are read from the database on every request (lib/session/session.ts), so a change applies at once.
      jwt({ token, user }) {
        return user ? { sub: user.id, sv: user.sv ?? 0 } : { sub: token.sub, sv: token.sv ?? 0 };
      },
      session({ session, token }) {
        return { expires: session.expires, user: { id: token.sub, sv: token.sv ?? 0 } };
      },
      // next-auth answers absolute URLs on its base URL (a placeholder when NEXTAUTH_URL is unset), which the
      // client only parses for an `error` parameter; whatever callback a request names, only a path of this
      // site is kept (lib/session/return-path.ts), never another host.
      redirect({ url, baseUrl }) {
        return baseUrl.replace(/\/+$/, "") + redirectPath(url, baseUrl);
      },
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
