import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * The browser's side of a save, over plain HTTP: the next-auth sign-in (CSRF token, then the credentials callback,
 * which sets the session cookie) and a call of a server action as React's client makes it — a POST to the page's URL
 * with the action's id in the `Next-Action` header, the arguments JSON-encoded as the body, answered with a React
 * Server Components (Flight) stream whose row 1 holds the action's return value. The ids come from the build's
 * `.next/server/server-reference-manifest.json`, looked up by file and exported name, so a rebuild (new ids) needs
 * no change here.
 */

/** The id of a server action in the current build: `app/(app)/sheets/[id]/progress/actions.ts` + `saveProgressAction`. */
export function serverActionId(root: string, file: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === exportedName);
  if (!found) throw new Error(`server action ${exportedName} of ${file} is not in this build`);
  return found[0];
}

const cookiesOf = (response: Response): string[] => response.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** Signs in through next-auth's credentials callback; answers the Cookie header of the session. */
export async function signInOverHttp(base: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
    redirect: "manual",
  });
  const session = cookiesOf(answer).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`${username} could not sign in (HTTP ${answer.status})`);
  return session;
}

export interface ActionAnswer<T> {
  status: number;
  result: T;
  /** Bytes of the Flight stream (what the browser downloads for this save). */
  bytes: number;
}

/** Calls a server action as the browser does and decodes its return value (row 1 of the Flight stream). */
export async function callServerAction<T>(
  base: string,
  options: { actionId: string; pagePath: string; cookie: string; args: unknown[] },
): Promise<ActionAnswer<T>> {
  const response = await fetch(`${base}${options.pagePath}`, {
    method: "POST",
    headers: {
      "Next-Action": options.actionId,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: base,
      Cookie: options.cookie,
    },
    body: JSON.stringify(options.args),
  });
  const text = await response.text();
  const row = text.split("\n").find((line) => line.startsWith("1:"));
  if (!row) throw new Error(`HTTP ${response.status}: no action result in ${JSON.stringify(text.slice(0, 300))}`);
  return { status: response.status, result: JSON.parse(row.slice(2)) as T, bytes: Buffer.byteLength(text) };
}
