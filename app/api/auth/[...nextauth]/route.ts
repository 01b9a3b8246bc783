import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/session/options";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are resolved per request (lazily, once) so the build never touches DATA_DIR.
const handler = (req: NextRequest, context: Context) => NextAuth(req, context, getAuthOptions());

export { handler as GET, handler as POST };
