import Link from "next/link";
import type { ReactNode } from "react";
import { navItemsFor } from "@/components/layout/nav-items";
import { NavLinks } from "@/components/layout/nav-links";
import { ROLE_LABEL } from "@/components/layout/role-label";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { requireActor } from "@/lib/auth/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return (
    <>
      <header className="no-print bg-brand text-white">
        <div className="mx-auto flex max-w-screen-2xl items-center gap-6 px-4 py-2">
          <span className="text-base font-semibold tracking-wide">绩效目标管理</span>
          <nav aria-label="主导航" className="flex-1">
            <NavLinks items={navItemsFor(actor.role)} />
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <Link href="/account" title="账号设置、修改密码" className="hover:underline">
              {actor.displayName}
              <span className="ml-1 text-white/75">（{ROLE_LABEL[actor.role]}）</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-screen-2xl px-4 py-4">{children}</main>
    </>
  );
}
