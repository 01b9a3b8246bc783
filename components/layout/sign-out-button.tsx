"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * Signs out without next-auth's redirect (which would use NEXTAUTH_URL, unset on most installs),
 * then loads the login page by relative path on whatever host and port served this page.
 */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={pending || !hydrated}
      onClick={async () => {
        setPending(true);
        try {
          await signOut({ redirect: false });
        } finally {
          window.location.assign("/login");
        }
      }}
      className="min-h-[40px] rounded border border-white/40 px-3 text-white hover:bg-white/10 disabled:opacity-60"
    >
      退出登录
    </button>
  );
}
