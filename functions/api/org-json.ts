import { z } from "zod";
import { ACTION_KINDS, URGENCIES } from "../../src/domain/actions/model";
import { PREVIEW_KINDS } from "../services/report-previews";
import type { OrgAccess } from "../services/access";
import type { ActionsView } from "../services/actions";
import { Day, Id, SitePath } from "./contract/common";

export const OrgJson = z
  .object({
    slug: z.string(),
    name: z.string(),
    timeZone: z.string().meta({ description: "IANA time zone, e.g. Europe/Berlin." }),
    anonymityK: z.int().min(1).meta({ description: "The org's threshold for new waves and campaigns." }),
    role: z.enum(["admin", "lead"]),
    teamId: Id.nullable().meta({ description: "The caller's team, for a lead." }),
  })
  .meta({ id: "Org" });

/** GET /api/orgs/{org}: the org and the caller's place in it. */
export function orgJson(a: OrgAccess): z.infer<typeof OrgJson> {
  return { slug: a.org.slug, name: a.org.name, timeZone: a.org.time_zone, anonymityK: a.org.anonymity_k, role: a.role, teamId: a.teamId };
}

export const ActionsJson = z
  .object({
    today: Day,
    count: z.int().min(0),
    items: z.array(
      z.object({
        key: z.string().meta({ description: "Stable within a read: the kind and what it is about." }),
        kind: z.enum(ACTION_KINDS),
        urgency: z.enum(URGENCIES),
        teamId: Id.nullable(),
        title: z.string(),
        reason: z.string(),
        since: Day,
        ageDays: z.int().min(0),
        href: SitePath.meta({ description: "Where it is resolved." }),
        linkLabel: z.string(),
      }),
    ),
    next: z
      .object({ pppDueOn: Day, wave: z.object({ name: z.string(), endsOn: Day, daysLeft: z.int().min(0) }).nullable() })
      .meta({ description: "What comes next, for when nothing is open." }),
  })
  .meta({ id: "Actions" });

/** GET /api/orgs/{org}/actions: the caller's open items, most urgent first. */
export function actionsJson(v: ActionsView): z.infer<typeof ActionsJson> {
  return { today: v.today, count: v.items.length, items: v.items, next: v.next };
}

const Weekday = z.int().min(1).max(7).meta({ description: "1 = Monday … 7 = Sunday." });
export const ReportScheduleJson = z
  .object({ reportWeekday: Weekday, reportHour: z.int().min(0).max(23), pulseWeekday: Weekday })
  .meta({ id: "ReportSchedule" });

export const ReportPreviewJson = z
  .object({
    kind: z.enum(PREVIEW_KINDS),
    subject: z.string(),
    html: z.string(),
    text: z.string(),
    headers: z.record(z.string(), z.string()).meta({ description: "The email's List-Unsubscribe headers." }),
  })
  .meta({ id: "ReportPreview" });

export const AddressesJson = z
  .object({ addresses: z.array(z.email()).meta({ description: "The team's pulse-reminder list (personal links)." }) })
  .meta({ id: "TeamAddresses" });
