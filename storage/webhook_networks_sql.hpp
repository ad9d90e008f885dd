// Schema version 6, kept apart from the older migrations only for the length of migrations.cpp.
#pragma once

namespace storage {

// The generic webhook keys people and chats by the bridge's network ("wechat:<id>"), so that one
// bridge serving two networks cannot make an id on one admin on the other. Rows from before get
// their network: a chat from its account, a member from the chat they were last heard in (a member
// never heard in a chat keeps the old form and is met again as new).
inline constexpr const char* v6_webhook_networks = R"sql(
UPDATE members SET user_id = (
    SELECT account FROM (
      SELECT c.account, c.last_seen_at AS at FROM chats c
        WHERE c.platform = 'webhook' AND c.kind = 'direct' AND c.chat_id = members.user_id
      UNION ALL
      SELECT c.account, cm.last_seen_at FROM chat_members cm JOIN chats c ON c.id = cm.chat_id
        WHERE cm.member_id = members.id AND c.platform = 'webhook') AS recent
    ORDER BY at DESC LIMIT 1) || ':' || user_id
  WHERE platform = 'webhook' AND (
    EXISTS (SELECT 1 FROM chats c WHERE c.platform = 'webhook' AND c.kind = 'direct' AND c.chat_id = members.user_id)
    OR EXISTS (SELECT 1 FROM chat_members cm JOIN chats c ON c.id = cm.chat_id
               WHERE cm.member_id = members.id AND c.platform = 'webhook'));
UPDATE chats SET chat_id = account || ':' || chat_id WHERE platform = 'webhook';
)sql";

}  // namespace storage
