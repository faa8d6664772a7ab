// What one page request asks the access layer more than once, answered once. A page's root,
// council and page loaders each call their guard (so none can forget it), and each guard used to
// look up the session and the membership again. Remix gives each loader its own copy of the
// Request, so the answers are kept under the request id the server sets on every request (after
// removing any the client sent; app/server/http.server.ts), for a few seconds at most.
//
// Only reads are memoised: a GET or HEAD changes nothing, so every loader of it sees the same
// session and membership. A POST's action may sign in, sign out or change a role before the
// loaders run in the same request, so its guards always ask the database. Guards still run in
// every loader; only the queries behind them are shared. A request with no server-set id (a test
// calling a loader directly) is not memoised.
import { LRUCache } from "lru-cache";
import { REQUEST_ID_HEADER } from "../http/request.server";

const answers = new LRUCache<string, Map<string, Promise<unknown> | undefined>>({ max: 5_000, ttl: 15_000 });

export function memoisedForRequest<T>(request: Request, key: string, compute: () => Promise<T>): Promise<T> {
  const requestId = request.headers.get(REQUEST_ID_HEADER);
  if (!requestId || (request.method !== "GET" && request.method !== "HEAD")) return compute();
  let forRequest = answers.get(requestId);
  if (!forRequest) {
    forRequest = new Map();
    answers.set(requestId, forRequest);
  }
  const known = forRequest.get(key) as Promise<T> | undefined;
  if (known) return known;
  const answer = compute();
  forRequest.set(key, answer);
  // A failure (the database unreachable) is not remembered: the next loader asks again.
  answer.catch(() => forRequest.set(key, undefined));
  return answer;
}
