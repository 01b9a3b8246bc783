"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { type NavItem, NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

/**
 * The app's header. From the md breakpoint up the navigation and the account sit in one row; on a
 * phone they fold behind a 菜单 button, so the header never scrolls the page sideways (docs/ux.md).
 */
export function AppHeader({ items, displayName, roleLabel, unread }: { items: NavItem[]; displayName: string; roleLabel: string; unread: number }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const pathname = usePathname();
  // Following a link closes the menu; the next page starts with it folded.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not an input
  useEffect(() => setOpen(false), [pathname]);
  return (
    <header className="no-print bg-brand text-white">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-6 px-4 py-1 md:flex-nowrap md:py-2">
        <Link href="/" className="flex min-h-[40px] items-center text-base font-semibold tracking-wide">
          绩效目标管理
        </Link>
        {/* Outside the folded menu: the unread count is seen on a phone too. */}
        <NotificationBell unread={unread} className="ml-auto md:order-last md:ml-0" />
        <button
          type="button"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen((o) => !o)}
          className="min-h-[40px] min-w-[40px] rounded border border-white/40 px-3 hover:bg-white/10 md:hidden"
        >
          {open ? "收起菜单" : "菜单"}
        </button>
        <div id={menuId} className={`${open ? "flex" : "hidden"} w-full flex-col gap-2 pb-2 md:flex md:w-auto md:flex-1 md:flex-row md:items-center md:pb-0`}>
          <nav aria-label="主导航" className="md:flex-1">
            <NavLinks items={items} />
          </nav>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <Link href="/account" title="账号设置、修改密码" className="flex min-h-[40px] items-center hover:underline">
              {displayName}
              <span className="ml-1 text-white/75">（{roleLabel}）</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </div>
    </header>
  );
}
