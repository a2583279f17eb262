import { z } from "zod";
import { WEBHOOK_EVENTS } from "../../src/domain/webhooks";
import { Id, Instant } from "./contract/common";

export const ApiTokenJson = z
  .object({
    id: Id,
    name: z.string(),
    scope: z.enum(["read", "write"]),
    hint: z.string().meta({ description: "The last four characters: mvt_…abcd." }),
    createdBy: z.string(),
    createdAt: Instant,
    expiresAt: Instant.nullable(),
    lastUsedAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
    status: z.enum(["active", "expired", "revoked"]),
  })
  .meta({ id: "ApiToken" });
export const ApiTokensJson = z.object({ tokens: z.array(ApiTokenJson) }).meta({ id: "ApiTokens" });
export const NewApiTokenJson = ApiTokenJson.extend({
  token: z.string().meta({ description: "The token itself: in this answer only, never again." }),
}).meta({ id: "NewApiToken" });

const WebhookEvent = z.enum(WEBHOOK_EVENTS);
export const WebhookDeliveryJson = z
  .object({
    id: z.int().min(1),
    messageId: z.string().meta({ description: "The webhook-id header: the same for every attempt and resend." }),
    event: WebhookEvent,
    status: z.enum(["queued", "sending", "delivered", "failed"]),
    attempts: z.int().min(0),
    lastStatus: z.int().nullable().meta({ description: "The HTTP status of the last attempt." }),
    lastError: z.string().nullable(),
    createdAt: Instant,
    deliveredAt: Instant.nullable(),
    nextAttemptAt: Instant.nullable(),
  })
  .meta({ id: "WebhookDelivery" });
export const WebhookEndpointJson = z
  .object({ id: Id, url: z.url(), events: z.array(WebhookEvent), createdAt: Instant, deliveries: z.array(WebhookDeliveryJson) })
  .meta({ id: "WebhookEndpoint" });
export const WebhookEndpointsJson = z.object({ endpoints: z.array(WebhookEndpointJson) }).meta({ id: "WebhookEndpoints" });
export const NewWebhookEndpointJson = z
  .object({
    id: Id,
    url: z.url(),
    events: z.array(WebhookEvent),
    secret: z.string().meta({ description: "The signing secret (whsec_…): in this answer only, never again." }),
  })
  .meta({ id: "NewWebhookEndpoint" });
