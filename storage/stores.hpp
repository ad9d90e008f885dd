// All stores over one database, handed to commands as one object.
#pragma once
#include "storage/audit_store.hpp"
#include "storage/chat_store.hpp"
#include "storage/community_store.hpp"
#include "storage/database.hpp"
#include "storage/duty_store.hpp"
#include "storage/emergency_store.hpp"
#include "storage/inbound_store.hpp"
#include "storage/job_store.hpp"
#include "storage/member_store.hpp"
#include "storage/notice_store.hpp"
#include "storage/offer_store.hpp"
#include "storage/outbox_store.hpp"
#include "storage/send_bucket_store.hpp"
#include "storage/suggestion_store.hpp"
#include "storage/ticket_store.hpp"
#include "storage/unit_store.hpp"
#include "storage/vote_store.hpp"

namespace storage {

struct stores {
  explicit stores(storage::database& d)
      : database(d),
        communities(d),
        chats(d),
        members(d),
        units(d),
        tickets(d),
        inbound(d),
        outbox(d),
        send_buckets(d),
        jobs(d),
        audit(d),
        notices(d),
        emergencies(d),
        duty(d),
        suggestions(d),
        offers(d),
        votes(d) {}
  storage::database& database;  // the connection the stores share (transactions take it)
  community_store communities;
  chat_store chats;
  member_store members;
  unit_store units;
  ticket_store tickets;
  inbound_store inbound;
  outbox_store outbox;
  send_bucket_store send_buckets;
  job_store jobs;
  audit_store audit;
  notice_store notices;
  emergency_store emergencies;
  duty_store duty;
  suggestion_store suggestions;
  offer_store offers;
  vote_store votes;
};

}  // namespace storage
