#include "domain/stats/day_sums.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "domain/ticket_types.hpp"
#include "storage/stores.hpp"

namespace domain::stats {
namespace {

constexpr std::int64_t day_ms = 86'400'000;
constexpr std::int64_t first_bucket_ms = 60'000;  // a minute and under: bucket 0
constexpr double bucket_growth = 1.02;
const double log_growth = std::log(bucket_growth);

std::size_t bucket_of(std::int64_t ms) {
  if (ms <= first_bucket_ms) return 0;
  return 1 + static_cast<std::size_t>(std::log(static_cast<double>(ms) / first_bucket_ms) / log_growth);
}

// Bucket b ≥ 1 holds (60 s · 1.02^(b−1), 60 s · 1.02^b]; its middle stands for its values.
std::int64_t bucket_value(std::size_t b) {
  if (b == 0) return first_bucket_ms / 2;
  return std::llround(first_bucket_ms * std::pow(bucket_growth, static_cast<double>(b) - 0.5));
}

std::int64_t bucket_end(std::size_t b) {
  return std::llround(first_bucket_ms * std::pow(bucket_growth, static_cast<double>(b)));
}

void put_int(std::string& out, std::int64_t v) {
  char bytes[sizeof v];
  std::memcpy(bytes, &v, sizeof v);
  out.append(bytes, sizeof v);
}

std::int64_t get_int(std::string_view in, std::size_t at) {
  std::int64_t v = 0;
  std::memcpy(&v, in.data() + at, sizeof v);
  return v;
}

std::string pack_counters(const day_counters& c) {
  std::string out;
  for (auto v : c) put_int(out, v);
  return out;
}

day_counters unpack_counters(std::string_view packed) {
  day_counters c{};
  for (std::size_t i = 0; i < c.size() && (i + 1) * 8 <= packed.size(); ++i) c[i] = get_int(packed, i * 8);
  return c;
}

void count(day_sum& s, const storage::day_ticket& t) {
  auto& c = s.c;
  const auto at = [&](day_counter k) -> std::int64_t& { return c[static_cast<std::size_t>(k)]; };
  ++at(day_counter::created);
  if (t.kind == "repair") ++at(day_counter::repairs);
  if (t.kind == "complaint") ++at(day_counter::complaints);
  if (t.kind == "suggestion") ++at(day_counter::suggestions);
  const bool cancelled = t.state == "cancelled";
  if (t.state == "resolved") ++at(day_counter::resolved);
  if (t.state == "closed") ++at(day_counter::closed);
  if (cancelled) ++at(day_counter::cancelled);
  if (const auto state = parse_ticket_state(t.state); state && is_open(*state)) ++at(day_counter::open);
  if (t.first_response_at) {
    ++at(day_counter::responded);
    at(day_counter::response_ms) += *t.first_response_at - t.created_at;
    s.response.add(*t.first_response_at - t.created_at);
  }
  if (t.resolved_at) {
    ++at(day_counter::fixed);
    at(day_counter::fix_ms) += *t.resolved_at - t.created_at;
    s.fix.add(*t.resolved_at - t.created_at);
  }
  // Only lateness the clock can no longer change; the rest is read live (day_sums_store::live).
  const bool late_response =
      !cancelled && t.first_response_at && t.due_at && *t.due_at < *t.first_response_at;
  const bool late_fix = !cancelled && t.resolved_at && t.resolve_due_at && *t.resolve_due_at < *t.resolved_at;
  if (late_response) ++at(day_counter::late_response);
  if (late_fix) ++at(day_counter::late_fix);
  if (!cancelled && t.first_response_at && t.resolved_at && (late_response || late_fix))
    ++at(day_counter::late_any);
  if (t.rating) {
    ++at(day_counter::rated);
    at(day_counter::rating_total) += *t.rating;
    if (*t.rating <= 2) ++at(day_counter::low_ratings);
  }
  if (t.visit_result == "satisfied") ++at(day_counter::satisfied);
  if (t.visit_result == "unsatisfied") ++at(day_counter::unsatisfied);
}

// Merged sums of whole blocks of kept days, per reader (the reader thread, the event loop): a year
// is then a dozen merged blocks instead of tens of thousands of rows. A block is used only while each
// of its days is kept with the generation it had when merged (a day summed again has a new one).
constexpr std::int64_t block_days = 32;
constexpr std::size_t max_merged_blocks = 512;  // a few communities' years; beyond, start afresh

struct block_key {
  std::uint64_t database;  // storage::database::serial()
  std::int64_t community, block;
  auto operator<=>(const block_key&) const = default;
};

struct merged_block {
  std::vector<storage::day_sums_store::kept_day> days;
  std::map<std::string, day_sum> sums;
};

std::map<block_key, merged_block>& merged_blocks() {
  thread_local std::map<block_key, merged_block> blocks;
  return blocks;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

void add_sum(day_sum& into, const day_sum& s) {
  for (std::size_t i = 0; i < s.c.size(); ++i) into.c[i] += s.c[i];
  into.response.merge(s.response);
  into.fix.merge(s.fix);
}

void add_row(std::map<std::string, day_sum>& into, const storage::day_sum_row& r) {
  const auto c = unpack_counters(r.counters);
  auto& s = into[r.dim];
  for (std::size_t i = 0; i < c.size(); ++i) s.c[i] += c[i];
  s.response.merge_packed(r.response);
  s.fix.merge_packed(r.fix);
}

// Sums the days of [first, last] that are not kept yet, and keeps them, a day at a time, each from
// a read snapshot (day_sums_store::sum_and_keep). Returns the sums it could not keep (another
// connection wrote meanwhile), and their days in `unkept_days`: they count this time and are worked
// out again next time.
std::vector<storage::day_sum_row> sum_missing(bot::services& svc, std::int64_t community_id,
                                              std::int64_t first, std::int64_t last,
                                              std::set<std::int64_t>& unkept_days) {
  const int offset = svc.cfg.community.utc_offset_minutes;
  storage::day_sums_store store(svc.db.database);
  store.use_offset(std::int64_t{offset} * 60'000);
  std::vector<storage::day_sum_row> unkept;
  for (const std::int64_t day : store.unsummed(community_id, first, last)) {
    bool kept = false;
    auto rows = store.sum_and_keep(
        community_id, day, {community_id, day_start(day, offset), day_start(day + 1, offset)},
        [day](const std::vector<storage::day_ticket>& tickets) { return sum_day(day, tickets); }, kept);
    if (kept) continue;
    unkept_days.insert(day);
    unkept.insert(unkept.end(), rows.begin(), rows.end());
  }
  return unkept;
}

}  // namespace

void time_histogram::add(std::int64_t ms, std::int64_t n) {
  const std::size_t b = bucket_of(std::max<std::int64_t>(ms, 0));
  if (buckets_.size() <= b) buckets_.resize(b + 1);
  buckets_[b] += n;
  total_ += n;
}

void time_histogram::merge(const time_histogram& other) {
  if (buckets_.size() < other.buckets_.size()) buckets_.resize(other.buckets_.size());
  for (std::size_t b = 0; b < other.buckets_.size(); ++b) buckets_[b] += other.buckets_[b];
  total_ += other.total_;
}

spread time_histogram::spread_of() const {
  spread s;
  s.n = total_;
  if (total_ == 0) return s;
  // Nearest rank, as percentile.cpp: the bucket holding the ceil(n · pct / 100)-th value.
  const auto rank = [&](int pct) {
    const std::int64_t k = std::max<std::int64_t>(1, (total_ * pct + 99) / 100);
    std::int64_t seen = 0;
    for (std::size_t b = 0; b < buckets_.size(); ++b) {
      seen += buckets_[b];
      if (seen >= k) return bucket_value(b);
    }
    return bucket_value(buckets_.size() - 1);
  };
  s.median = rank(50);
  s.p90 = rank(90);
  return s;
}

std::int64_t time_histogram::count_below(std::int64_t ms) const {
  std::int64_t n = 0;
  for (std::size_t b = 0; b < buckets_.size() && bucket_end(b) <= ms; ++b) n += buckets_[b];
  return n;
}

std::string time_histogram::pack() const {
  std::string out;
  for (std::size_t b = 0; b < buckets_.size(); ++b)
    if (buckets_[b] != 0) {
      put_int(out, static_cast<std::int64_t>(b));
      put_int(out, buckets_[b]);
    }
  return out;
}

time_histogram time_histogram::unpack(std::string_view packed) {
  time_histogram h;
  h.merge_packed(packed);
  return h;
}

void time_histogram::merge_packed(std::string_view packed) {
  constexpr std::int64_t max_bucket = 4096;  // 60 s · 1.02^4096 is far beyond any duration
  for (std::size_t at = 0; at + 16 <= packed.size(); at += 16) {
    const std::int64_t b = get_int(packed, at);
    if (b < 0 || b >= max_bucket) continue;
    const auto bucket = static_cast<std::size_t>(b);
    if (buckets_.size() <= bucket) buckets_.resize(bucket + 1);
    buckets_[bucket] += get_int(packed, at + 8);
    total_ += get_int(packed, at + 8);
  }
}

std::vector<storage::day_sum_row> sum_day(std::int64_t day, const std::vector<storage::day_ticket>& tickets) {
  std::map<std::string, day_sum> by_dim;
  for (const auto& t : tickets) {
    count(by_dim[""], t);
    count(by_dim["k:" + t.kind], t);
    count(by_dim["c:" + t.category], t);
    if (t.building) count(by_dim["b:" + *t.building], t);
    if (t.assignee_id) count(by_dim["s:" + std::to_string(*t.assignee_id)], t);
  }
  std::vector<storage::day_sum_row> rows;
  for (const auto& [dim, s] : by_dim) {
    const bool timed = dim.empty() || dim.starts_with("s:");
    rows.push_back({day, dim, pack_counters(s.c), timed ? s.response.pack() : "", timed ? s.fix.pack() : ""});
  }
  return rows;
}

std::int64_t local_day(std::int64_t unix_ms, int offset_minutes) {
  const std::int64_t local = unix_ms + std::int64_t{offset_minutes} * 60'000;
  return local >= 0 ? local / day_ms : -((-local + day_ms - 1) / day_ms);
}

std::int64_t day_start(std::int64_t day, int offset_minutes) {
  return day * day_ms - std::int64_t{offset_minutes} * 60'000;
}

bool read_from_sums(const storage::period_span& p, int offset_minutes) {
  constexpr std::int64_t longest_read_exactly = 31 * day_ms;
  return p.to - p.from > longest_read_exactly &&
         day_start(local_day(p.from, offset_minutes), offset_minutes) == p.from &&
         day_start(local_day(p.to, offset_minutes), offset_minutes) == p.to;
}

std::map<std::string, day_sum> sums_over(bot::services& svc, std::int64_t community_id, std::int64_t first,
                                         std::int64_t last) {
  std::map<std::string, day_sum> out;
  last = std::min(last, local_day(svc.clk.now_ms(), svc.cfg.community.utc_offset_minutes));
  if (last < first) return out;
  std::set<std::int64_t> fresh;
  const auto unkept = sum_missing(svc, community_id, first, last, fresh);
  storage::day_sums_store store(svc.db.database);
  const auto kept = store.summed(community_id, first, last);
  auto& blocks = merged_blocks();
  const auto read = [&](std::int64_t from, std::int64_t to, std::map<std::string, day_sum>& into) {
    for (const auto& r : store.sums(community_id, from, to, storage::day_sums_store::dims::all))
      if (!fresh.contains(r.day)) add_row(into, r);
  };
  for (std::int64_t day = first; day <= last;) {
    const std::int64_t block = floor_div(day, block_days);
    const std::int64_t start = block * block_days, end = start + block_days - 1;
    const std::int64_t to = std::min(end, last);
    const auto lo = std::lower_bound(kept.begin(), kept.end(), start,
                                     [](const auto& k, std::int64_t d) { return k.day < d; });
    const auto hi = std::upper_bound(kept.begin(), kept.end(), end,
                                     [](std::int64_t d, const auto& k) { return d < k.day; });
    const auto fresh_in = fresh.lower_bound(start);
    const bool whole = day == start && to == end && hi - lo == block_days &&
                       (fresh_in == fresh.end() || *fresh_in > end);  // every day kept, none summed just now
    if (!whole) {
      read(day, to, out);
    } else {
      merged_block& b = blocks[{svc.db.database.serial(), community_id, block}];
      if (!std::equal(lo, hi, b.days.begin(), b.days.end())) {
        b = {std::vector<storage::day_sums_store::kept_day>(lo, hi), {}};
        read(start, end, b.sums);
      }
      for (const auto& [dim, s] : b.sums) add_sum(out[dim], s);
    }
    day = to + 1;
  }
  for (const auto& r : unkept) add_row(out, r);
  if (blocks.size() > max_merged_blocks) blocks.clear();
  return out;
}

void each_day_sum(bot::services& svc, std::int64_t community_id, std::int64_t first, std::int64_t last,
                  storage::day_sums_store::dims which,
                  const std::function<void(const storage::day_sum_row&, const day_counters&)>& visit) {
  // Days after today have no tickets yet: nothing to sum or keep.
  last = std::min(last, local_day(svc.clk.now_ms(), svc.cfg.community.utc_offset_minutes));
  if (last < first) return;
  std::set<std::int64_t> fresh;  // days summed just now but not kept: the table may hold their old sums
  const auto unkept = sum_missing(svc, community_id, first, last, fresh);
  storage::day_sums_store store(svc.db.database);
  for (const auto& r : store.sums(community_id, first, last, which))
    if (!fresh.contains(r.day)) visit(r, unpack_counters(r.counters));
  for (const auto& r : unkept)  // as sums() filters them
    if (which == storage::day_sums_store::dims::all || r.dim.empty() || r.dim.starts_with("c:"))
      visit(r, unpack_counters(r.counters));
}

}  // namespace domain::stats
