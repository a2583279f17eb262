import type { ChatFetch } from "../../functions/services/chat-channels";

export interface ReceivedPost {
  url: string;
  /** The posted JSON, parsed. */
  body: unknown;
  redirect: RequestRedirect | undefined;
}

/**
 * A local chat receiver for the services' `send`: records each POST (URL, JSON body, redirect
 * mode) and answers the statuses given in turn, then 200.
 */
export function chatReceiver(statuses: number[] = []): { send: ChatFetch; received: ReceivedPost[] } {
  const received: ReceivedPost[] = [];
  const send: ChatFetch = async (url, init) => {
    received.push({ url, body: JSON.parse(String(init.body)), redirect: init.redirect });
    return new Response("ok", { status: statuses.shift() ?? 200 });
  };
  return { send, received };
}
