import Link from "next/link";

/** The header's bell: the unread count on a badge; it opens the notification centre. */
export function NotificationBell({ unread, className = "" }: { unread: number; className?: string }) {
  const label = unread > 0 ? `通知（${unread} 条未读）` : "通知（没有未读）";
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      className={`relative flex min-h-[40px] min-w-[40px] items-center justify-center rounded hover:bg-white/10 ${className}`}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span
          data-testid="unread-count"
          className="absolute right-0 top-0.5 min-w-[1.25rem] rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
