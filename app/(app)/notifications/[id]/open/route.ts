import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { markRead } from "@/lib/notifications/inbox";
import { requireActor } from "@/lib/session/session";

/** Following a notification's link: it is read now, and the browser goes where it leads (always a path of this app). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  try {
    const { link } = await markRead(await getPrisma(), actor, { id });
    return seeOther(link);
  } catch (error) {
    if (error instanceof AppError) return seeOther("/notifications");
    throw error;
  }
}

// A relative Location: right behind any proxy, whatever host name the request came in on.
const seeOther = (path: string) => new Response(null, { status: 303, headers: { Location: path } });
