/** For no-N+1 tests: the same counting wrapper the local Worker reports per request (functions/db/round-trips.ts). */
export { countingD1, type CountingD1 } from "../../functions/db/round-trips";
