declare namespace Cloudflare {
  interface Env {
    /** Migrations read by vitest.config.ts, applied by tests/support/workers-setup.ts. */
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
  }
}
