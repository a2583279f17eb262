/// <reference path="../.astro/types.d.ts" />

/** True in local builds (npm start, tests): mail stays in /dev/outbox and dev routes exist. */
declare const __MISTVINE_LOCAL__: boolean;
