/**
 * Wraps a D1 binding to count what reaches the database: statements executed (each member of
 * a batch counts) and round trips (a batch counts once). The no-N+1 tests use it
 * (tests/support/d1-counter.ts), and local builds wrap each request's D1 with it to answer the
 * `x-mistvine-d1-round-trips` header (functions/worker.ts) that `npm run bench` prints.
 */
export interface CountingD1 {
  db: D1Database;
  statements: () => number;
  roundTrips: () => number;
  reset: () => void;
}

export function countingD1(real: D1Database): CountingD1 {
  let statements = 0;
  let roundTrips = 0;
  const wrapped = new WeakMap<object, D1PreparedStatement>();

  const wrap = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        if (prop === "bind") return (...args: unknown[]) => wrap(target.bind(...args));
        if (prop === "first" || prop === "all" || prop === "run" || prop === "raw") {
          return (...args: unknown[]) => {
            statements += 1;
            roundTrips += 1;
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    wrapped.set(proxy, stmt);
    return proxy;
  };

  const db = new Proxy(real, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => wrap(target.prepare(sql));
      if (prop === "batch") {
        return (list: D1PreparedStatement[]) => {
          statements += list.length;
          roundTrips += 1;
          return target.batch(list.map((s) => wrapped.get(s) ?? s));
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db, statements: () => statements, roundTrips: () => roundTrips, reset: () => ((statements = 0), (roundTrips = 0)) };
}

/** The response header in which local builds report a request's D1 round trips (never in production). */
export const ROUND_TRIPS_HEADER = "x-mistvine-d1-round-trips";
