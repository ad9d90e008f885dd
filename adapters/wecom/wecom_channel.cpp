#include "adapters/wecom/wecom_channel.hpp"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "adapters/wecom/api_answer.hpp"
#include "adapters/wecom/send_parts.hpp"
#include "adapters/wecom/token_send.hpp"
#include "bot/clock.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "bot/log.hpp"
#include "bot/utf8.hpp"

namespace adapters::wecom {

wecom_channel::wecom_channel(bot::wecom_config cfg, bot::http_client& http, const bot::clock& clk,
                             int timeout_ms,
                             std::function<void(std::int64_t, const std::string&)> keep_progress)
    : cfg_(std::move(cfg)),
      http_(http),
      clk_(clk),
      timeout_ms_(timeout_ms),
      keep_progress_(std::move(keep_progress)) {
  if (!cfg_.smart_robot.token.empty()) {
    auto crypt = wx_crypt::make(cfg_.smart_robot.token, cfg_.smart_robot.encoding_aes_key, "");
    if (!crypt)
      throw bot::config_error("adapters.wecom.smart_robot.encoding_aes_key: not a valid EncodingAESKey");
    smart_.emplace(cfg_, std::move(*crypt));
  }
  if (cfg_.corp_id.empty()) return;
  auto crypt = wx_crypt::make(cfg_.token, cfg_.encoding_aes_key, cfg_.corp_id);
  if (!crypt) throw bot::config_error("adapters.wecom.encoding_aes_key: not a valid EncodingAESKey");
  app_.emplace(cfg_, std::move(*crypt));
  token_ = std::make_unique<access_token>(
      http_, clk_,
      cfg_.api_base + "/cgi-bin/gettoken?corpid=" + bot::percent_encode(cfg_.corp_id) +
          "&corpsecret=" + bot::percent_encode(cfg_.secret),
      timeout_ms_);
}

void wecom_channel::attach(adapter_host host) {
  host_copy_.emplace(std::move(host));
  auto& server = host_copy_->server;
  if (smart_) {
    auto check = [this](const bot::http_request& req) { return smart_->check_headers(req); };
    server.route(
        "GET", cfg_.smart_robot.path,
        [this](const bot::http_request& req) { return smart_->verify_url(req, clk_.now_ms()).response; },
        check);
    server.route(
        "POST", cfg_.smart_robot.path, [this](const bot::http_request& req) { return take_smart(req); },
        check);
  }
  if (!app_) return;
  server.route(
      "GET", cfg_.path,
      [this](const bot::http_request& req) { return app_->verify_url(req, clk_.now_ms()).response; },
      [this](const bot::http_request& req) { return app_->check_headers(req); });
  server.route(
      "POST", cfg_.path, [this](const bot::http_request& req) { return take(req); },
      [this](const bot::http_request& req) { return app_->check_headers(req); });
}

std::string wecom_channel::deliver_in_window(const bot::message& m, std::size_t max_bytes) {
  const std::int64_t now = clk_.now_ms();
  const std::string key = m.chat.key() + "#" + m.id;
  if (auto again = answers_.find(key, now)) return *again;  // WeCom's retry of an answered message
  window_.open(m.chat, max_bytes);
  try {
    host_copy_->deliver(m);
    host_copy_->flush_outbox();
  } catch (...) {
    window_.close();
    throw;
  }
  std::string text = window_.close();
  if (!text.empty()) answers_.keep(key, text, now);
  return text;
}

bot::http_response wecom_channel::take(const bot::http_request& req) {
  app_inbound in = app_->parse(req, clk_.now_ms());
  if (!in.message) return in.response;
  const std::string text = deliver_in_window(*in.message, text_bytes);
  if (text.empty()) return in.response;  // nothing yet: the answer goes by app message
  return app_->passive_reply(in, text, clk_.now_ms());
}

bot::http_response wecom_channel::take_smart(const bot::http_request& req) {
  const std::int64_t now = clk_.now_ms();
  smart_inbound in = smart_->parse(req, now);
  if (!in.message) return in.response;
  if (in.message->chat.is_group()) {
    const auto robot = std::find_if(cfg_.robots.begin(), cfg_.robots.end(),
                                    [&](const auto& r) { return r.second.chat_id == in.chat_id; });
    if (robot != cfg_.robots.end())
      in.message->chat = {std::string(wecom::platform), std::string(robot_account), bot::chat_kind::group,
                          robot->first};
    else
      bot::log::info("wecom",
                     "the smart robot heard group {}: to post alerts there, add chat_id = \"{}\" to its "
                     "[adapters.wecom.robots.<name>]",
                     in.chat_id, in.chat_id);
  }
  if (!in.response_url.empty()) response_urls_[in.message->chat.key()] = {in.response_url, now};
  const std::string text = deliver_in_window(*in.message, stream_bytes);
  if (text.empty()) return in.response;
  return smart_->passive_reply(in, text);
}

void wecom_channel::send(const bot::delivery& d, std::function<void(bot::send_result)> done) {
  if (!d.body.recall_id.empty()) {
    done(
        {bot::send_result::status::failed, "", "WeCom messages are not recalled by estatebot", std::nullopt});
    return;
  }
  if (window_.take(d)) {
    done({});
    return;
  }
  // A person's private chat goes by the app whichever way they spoke last (the smart robot 1:1, a
  // robot's group): only the app can write to a member at any time.
  if (d.target.account == app_account || (!d.target.is_group() && app_))
    send_app(d, std::move(done));
  else if (d.target.account == smart_account)
    send_smart(d, std::move(done));
  else if (d.target.account == customer_account)
    send_customer(d, std::move(done));
  else
    send_robot(d, std::move(done));
}

void wecom_channel::send_app(const bot::delivery& d, std::function<void(bot::send_result)> done) {
  if (!app_) {
    done({bot::send_result::status::failed, "", "the WeCom app is not configured", std::nullopt});
    return;
  }
  std::int64_t agent = 0;  // a number in the config (config_adapters checks it)
  std::from_chars(cfg_.agent_id.data(), cfg_.agent_id.data() + cfg_.agent_id.size(), agent);
  send_text({http_, *token_, cfg_.api_base + "/cgi-bin/message/send", timeout_ms_,
             [user = d.target.id, agent](const std::string& piece) {
               return nlohmann::json{{"touser", user},
                                     {"msgtype", "text"},
                                     {"agentid", agent},
                                     {"text", {{"content", piece}}},
                                     {"safe", 0}}
                   .dump();
             },
             [this, id = d.id](std::size_t n) {
               if (keep_progress_) keep_progress_(id, std::to_string(n));
             }},
            d, std::move(done));
}

void wecom_channel::send_customer(const bot::delivery& d, std::function<void(bot::send_result)> done) {
  auto group = cfg_.customer_groups.find(d.target.id);
  if (group == cfg_.customer_groups.end() || !app_) {
    done({bot::send_result::status::failed, "", "no customer group \"" + d.target.id + "\" in the config",
          std::nullopt});
    return;
  }
  const std::int64_t poll_ms = std::int64_t{cfg_.confirm_poll_seconds} * 1000;
  auto api = [this](const std::string& path, std::string body) {
    return [this, path, body = std::move(body)](const std::string& token) {
      bot::http_call c;
      c.url = cfg_.api_base + path + "?access_token=" + bot::percent_encode(token);
      c.headers = {{"Content-Type", "application/json"}};
      c.body = body;
      c.timeout_ms = timeout_ms_;
      return c;
    };
  };
  const auto& g = group->second;
  if (d.progress.rfind(bot::confirm_prefix, 0) == 0) {  // the task exists: did it go?
    const std::string msgid = d.progress.substr(bot::confirm_prefix.size());
    call_with_token(http_, *token_,
                    api("/cgi-bin/externalcontact/get_groupmsg_send_result", result_query(msgid, g.sender)),
                    [done = std::move(done), chat = g.chat_id, msgid, poll_ms](bot::http_reply reply) {
                      done(read_task_result(reply, chat, msgid, poll_ms));
                    });
    return;
  }
  call_with_token(
      http_, *token_,
      api("/cgi-bin/externalcontact/add_msg_template", task_body(g.sender, g.chat_id, d.body.text)),
      [this, id = d.id, done = std::move(done), poll_ms](bot::http_reply reply) {
        auto created = read_task_created(reply);
        if (!created.msgid) {
          done(std::move(created.failure));
          return;
        }
        if (keep_progress_) keep_progress_(id, std::string(bot::confirm_prefix) + *created.msgid);
        done({bot::send_result::status::confirming, "",
              "waiting for the group's staff member to confirm the mass-send task in WeCom", poll_ms});
      });
}

// A response_url takes one answer within an hour of the message (doc 101138).
void wecom_channel::send_smart(const bot::delivery& d, std::function<void(bot::send_result)> done) {
  constexpr std::int64_t valid_ms = 3'600'000;
  constexpr std::size_t markdown_bytes = stream_bytes;
  auto it = response_urls_.find(d.target.key());
  if (it == response_urls_.end() || clk_.now_ms() - it->second.at > valid_ms) {
    done({bot::send_result::status::failed, "",
          "the smart robot answers later only once, within an hour of being @-mentioned", std::nullopt});
    return;
  }
  bot::http_call c;
  c.url = std::move(it->second.url);
  response_urls_.erase(it);
  c.headers = {{"Content-Type", "application/json"}};
  c.body =
      nlohmann::json{{"msgtype", "markdown"},
                     {"markdown", {{"content", bot::utf8::split_bytes(d.body.text, markdown_bytes).front()}}}}
          .dump();
  c.timeout_ms = timeout_ms_;
  http_.request(std::move(c),
                [done = std::move(done)](bot::http_reply reply) { done(read_api_answer(reply)); });
}

void wecom_channel::send_robot(const bot::delivery& d, std::function<void(bot::send_result)> done) {
  auto robot = cfg_.robots.find(d.target.id);
  if (robot == cfg_.robots.end()) {
    done({bot::send_result::status::failed, "", "no group robot \"" + d.target.id + "\" in the config",
          std::nullopt});
    return;
  }
  auto calls =
      std::make_shared<std::vector<bot::http_call>>(robot_calls(cfg_.api_base, robot->second.key, d.body));
  auto job = std::make_shared<parts_job>();
  job->count = calls->size();
  job->next = parts_done(d.progress);
  job->send_one = [this, calls, name = d.target.id](std::size_t i,
                                                    std::function<void(bot::send_result)> sent) {
    const std::int64_t now = clk_.now_ms();
    if (const std::int64_t at = pace_.free_at(name, now)) {
      sent(
          {bot::send_result::status::retry, "", "20 messages a minute already went to this robot", at - now});
      return;
    }
    pace_.sent(name, now);
    bot::http_call c = (*calls)[i];
    c.timeout_ms = timeout_ms_;
    http_.request(std::move(c),
                  [sent = std::move(sent)](bot::http_reply reply) { sent(read_api_answer(reply)); });
  };
  job->keep_progress = [this, id = d.id](std::size_t n) {
    if (keep_progress_) keep_progress_(id, std::to_string(n));
  };
  job->done = std::move(done);
  send_parts(job);
}

std::vector<declared_group> wecom_channel::declared_groups() const {
  std::vector<declared_group> groups;
  for (const auto& [name, g] : cfg_.customer_groups)
    groups.push_back(
        {{std::string(wecom::platform), std::string(customer_account), bot::chat_kind::group, name},
         name,
         g.community,
         g.building,
         "owners"});
  for (const auto& [name, robot] : cfg_.robots)
    groups.push_back({{std::string(wecom::platform), std::string(robot_account), bot::chat_kind::group, name},
                      name,
                      robot.community,
                      robot.building,
                      robot.purpose});
  return groups;
}

nlohmann::json wecom_channel::health() const {
  nlohmann::json robots = nlohmann::json::array();
  for (const auto& [name, robot] : cfg_.robots) robots.push_back(name);
  return {
      {"enabled", true},
      {"app", app_ ? nlohmann::json{{"corp_id", cfg_.corp_id},
                                    {"agent_id", cfg_.agent_id},
                                    {"token_fetches", token_->fetches()}}
                   : nlohmann::json(nullptr)},
      {"robots", robots},
      {"smart_robot", smart_ ? nlohmann::json{{"path", cfg_.smart_robot.path}} : nlohmann::json(nullptr)}};
}

}  // namespace adapters::wecom
