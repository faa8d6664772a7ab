// Real Request objects for calling route loaders and actions (with GOV.UK date fields), and a way
// to read what they return or throw (a Response, or single-fetch data with a status).
export const ORIGIN = "http://localhost";

export function getRequest(path: string, cookie?: string): Request {
  return new Request(`${ORIGIN}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function formRequest(
  path: string,
  fields: Record<string, string>,
  options: { cookie?: string; origin?: string | null; clientAddress?: string } = {},
): Request {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (options.origin !== null) headers.set("Origin", options.origin ?? ORIGIN);
  if (options.cookie) headers.set("Cookie", options.cookie);
  if (options.clientAddress) headers.set("x-app-client-address", options.clientAddress);
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: new URLSearchParams(fields) });
}

/** GOV.UK date input fields for an ISO date: servedOn.day, servedOn.month, servedOn.year. */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [year = "", month = "", day = ""] = iso.split("-");
  return { [`${name}.day`]: String(Number(day)), [`${name}.month`]: String(Number(month)), [`${name}.year`]: year };
}

export interface Outcome<T = unknown> {
  status: number;
  location: string | null;
  setCookie: string | null;
  body: T | string | undefined;
}

interface DataWithInit {
  type: "DataWithResponseInit";
  data: unknown;
  init: ResponseInit | null;
}

function isDataWithInit(value: unknown): value is DataWithInit {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

async function fromValue<T>(value: unknown): Promise<Outcome<T>> {
  if (value instanceof Response) {
    return {
      status: value.status,
      location: value.headers.get("Location"),
      setCookie: value.headers.get("Set-Cookie"),
      body: await value.text(),
    };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return {
      status: value.init?.status ?? 200,
      location: headers.get("Location"),
      setCookie: headers.get("Set-Cookie"),
      body: value.data as T,
    };
  }
  return { status: 200, location: null, setCookie: null, body: value as T };
}

/** Runs a loader or action and reports what a browser would get: status, redirect, body. */
export async function run<T>(call: () => Promise<T>): Promise<Outcome<Awaited<T>>> {
  try {
    return fromValue<Awaited<T>>(await call());
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return fromValue<Awaited<T>>(thrown);
    throw thrown;
  }
}
