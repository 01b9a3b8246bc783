import "server-only";
import { createServer, type IncomingMessage } from "node:http";

export interface ReceivedPost {
  url: string;
  body: unknown;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  received: ReceivedPost[];
  /** What the next requests are answered (status and JSON), e.g. a robot's refusal. */
  answer: { status: number; body: unknown };
  close(): Promise<void>;
}

/** A local HTTP server that records every POST, standing in for a group robot's webhook. */
export async function webhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedPost[] = [];
  const state: WebhookReceiver = {
    origin: "",
    received,
    answer: { status: 200, body: { errcode: 0, errmsg: "ok" } },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer(async (request, response) => {
    const text = await readBody(request);
    received.push({ url: request.url ?? "", body: JSON.parse(text) as unknown });
    response.writeHead(state.answer.status, { "content-type": "application/json" });
    response.end(JSON.stringify(state.answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  state.origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return state;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
