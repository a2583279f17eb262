/// <reference path="../.astro/types.d.ts" />

/** True in local builds (npm start, tests): mail stays in /dev/outbox and dev routes exist. */
declare const __MISTVINE_LOCAL__: boolean;

declare namespace App {
  interface Locals {
    /** The signed-in person, resolved by src/middleware.ts when a session cookie is present. */
    viewer: import("../functions/services/auth").Viewer | null;
  }
}
