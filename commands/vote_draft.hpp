// What a manager types to open a vote, read into its parts:
//   发起投票 [3栋] 是否更换1栋电梯 | 同意 | 反对 | 弃权 截止 2026-12-20 18:00 类型 表决 事项 5 [多选]
//   [匿名|记名] /new vote Replace the lift | yes | no | abstain until 2026-12-20 18:00 type assembly matter 5
// Settings follow the last option, each starting with its word; without options a vote offers
// 同意 | 反对 | 弃权. The deadline is read later (bot/natural_time), in the community's time zone.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commands {

struct vote_draft {
  std::string title;
  std::vector<std::string> options;
  std::string deadline_text;
  bool assembly = false;
  int matter = 0;  // Art. 278 item; 0 when not given
  bool multiple = false;
  std::optional<bool> secret;  // nullopt: the kind's default (named)
};

struct draft_problem {
  std::string text_id;  // vote.new.*
  std::string word;     // what was wrong, for {word}
};

inline constexpr std::size_t max_vote_title_points = 60;
inline constexpr std::size_t max_vote_option_points = 30;
inline constexpr std::size_t max_vote_options = 10;

std::optional<draft_problem> read_vote_draft(std::string_view text, vote_draft& d);
// The option that approves (同意, 赞成, 支持, yes, agree, approve), else the first.
int approving_option(const std::vector<std::string>& options);

}  // namespace commands
