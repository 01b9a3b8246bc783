import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { navItemsFor } from "@/components/layout/nav-items";
import { ROLE_LABEL } from "@/components/layout/role-label";
import { getPrisma } from "@/lib/db";
import { unreadCount } from "@/lib/notifications/inbox";
import { requireActor } from "@/lib/session/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const unread = await unreadCount(await getPrisma(), actor);
  return (
    <>
      {/* The first thing a keyboard reaches: past the header straight to the page (docs/ux.md). */}
      <a
        href="#main"
        className="no-print sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand focus:shadow"
      >
        跳到主要内容
      </a>
      <AppHeader items={navItemsFor(actor.role)} displayName={actor.displayName} roleLabel={ROLE_LABEL[actor.role]} unread={unread} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-screen-2xl px-4 py-4 focus:outline-none">
        {children}
      </main>
    </>
  );
}
