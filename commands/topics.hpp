// Topic forums (话题): a manager opens a topic for the owners concerned (`话题 停车位改造 对象 停车`),
// owners give their opinion (`话题 5 我的意见…`, in a group or privately; one each, the latest
// kept), managers read them grouped by building (`话题 5 意见`), and close the topic with a summary
// to the same audience (`话题 5 总结 …`) or by turning it into a poll (`话题 5 转投票 支持 | 反对 截止 …`).
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace commands {

std::vector<bot::command_spec> topic_commands();

}  // namespace commands
