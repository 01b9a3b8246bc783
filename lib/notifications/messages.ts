/**
 * What an outbox message carries (its `payload` column): one event, or a user's daily digest of several. The
 * sender renders it for the channel when it sends, with the app's public address of that moment.
 */
export interface EventPayload {
  kind: "event";
  title: string;
  body: string;
  /** In-app path. */
  link: string;
  sheetId: number | null;
  month: number | null;
}

export interface DigestPayload {
  kind: "digest";
  /** The Beijing day gathered, YYYY-MM-DD. */
  day: string;
  items: { title: string; body: string; link: string; at: string }[];
}

export type MessagePayload = EventPayload | DigestPayload;
