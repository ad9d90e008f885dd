// Questions owners ask in plain words ("今天几点停水", "我报的修什么时候来", "电梯修好了没"), pointed at
// what answers them: their own tickets (privately), the open emergency, or the latest notice that
// shares the question's words. Never a repair offer.
#pragma once
#include <string_view>

namespace bot {
class context;
}

namespace commands {

// True when it answered. `addressed`: the owner asked the bot (an @, a prefix, private chat), so
// a question nothing answers still gets a pointer to 帮助 and the duty phone.
bool point_to_answer(bot::context& ctx, std::string_view text, bool addressed);

}  // namespace commands
