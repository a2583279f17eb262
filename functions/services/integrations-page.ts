/**
 * The integrations page (admins): the org's API tokens, webhook endpoints with their latest
 * deliveries, and the teams' chat channels, in one batch after the access check.
 */
import { listApiTokensStatement } from "../db/api-tokens";
import { batchGroups } from "../db/typed";
import { requireAdmin, type OrgAccess } from "./access";
import { apiTokenViews, type ApiTokenView } from "./api-tokens";
import { chatSettingsFromResults, chatSettingsStatements, type ChatSettings } from "./chat-channels";
import { webhookEndpointStatements, webhookEndpointViews, type WebhookEndpointView } from "./webhooks";

export interface IntegrationsPage {
  tokens: ApiTokenView[];
  endpoints: WebhookEndpointView[];
  chat: ChatSettings;
}

export async function getIntegrationsPage(db: D1Database, access: OrgAccess, now: Date): Promise<IntegrationsPage> {
  requireAdmin(access);
  const orgId = access.org.id;
  const [[tokens], [endpoints, deliveries], chat] = await batchGroups(db, [
    [listApiTokensStatement(db, orgId)],
    webhookEndpointStatements(db, orgId),
    chatSettingsStatements(db, orgId),
  ]);
  return {
    tokens: apiTokenViews(tokens.results, now),
    endpoints: webhookEndpointViews({ endpoints: endpoints.results, deliveries: deliveries.results }),
    chat: chatSettingsFromResults(chat),
  };
}
