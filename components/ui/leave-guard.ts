"use client";

import { useEffect, useRef } from "react";
import type { Ask } from "./use-action-form";

/**
 * While a form has unsaved changes, leaving asks first: reloading or closing the tab (the browser's own
 * beforeunload question), and in-app links — month tabs, header links, any `<a>` — which are held back
 * here (capture phase, before Next's Link sees the click) and followed only when the user says so.
 */
export function useLeaveGuard({
  dirtyCount,
  confirm,
  navigate,
}: {
  dirtyCount: number;
  confirm: (ask: Ask) => Promise<boolean>;
  navigate: (href: string) => void;
}) {
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  useEffect(() => {
    if (dirtyCount === 0) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(target instanceof HTMLAnchorElement) || target.hasAttribute("download") || (target.target && target.target !== "_self")) return;
      const url = new URL(target.href, window.location.href);
      if (url.origin !== window.location.origin) return; // a full navigation: beforeunload asks
      if (url.pathname === window.location.pathname && url.search === window.location.search) return; // same page (#anchors)
      event.preventDefault();
      event.stopPropagation();
      void confirm({
        title: "离开此页？",
        body: `有 ${dirtyCount} 项修改尚未保存。离开后它们不会保存到系统（本浏览器会暂存，回到此页时可恢复）。`,
        confirm: "离开此页",
        cancel: "留在此页",
        tone: "danger",
      }).then((yes) => {
        if (yes) navigateRef.current(`${url.pathname}${url.search}${url.hash}`);
      });
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirtyCount, confirm]);
}
