#include "commands/text_ids.hpp"

#include <array>
#include <utility>

namespace commands {
namespace {

// Indexed by bot::role's value, resident first.
constexpr std::array<std::string_view, 5> role_texts{"role.resident", "role.owner", "role.staff",
                                                     "role.manager", "role.admin"};
static_assert(static_cast<std::size_t>(bot::role::admin) + 1 == role_texts.size());

constexpr std::array<std::pair<std::string_view, std::string_view>, 3> purpose_table{{
    {"owners", "purpose.owners"},
    {"staff", "purpose.staff"},
    {"managers", "purpose.managers"},
}};

constexpr std::array<template_texts, 5> template_table{{
    {"fire", "emergency.template.fire.title", "emergency.template.fire.advice"},
    {"power_cut", "emergency.template.power_cut.title", "emergency.template.power_cut.advice"},
    {"water_cut", "emergency.template.water_cut.title", "emergency.template.water_cut.advice"},
    {"elevator", "emergency.template.elevator.title", "emergency.template.elevator.advice"},
    {"gas_leak", "emergency.template.gas_leak.title", "emergency.template.gas_leak.advice"},
}};

}  // namespace

std::string_view role_text_id(bot::role r) {
  return role_texts[static_cast<std::size_t>(r)];
}

std::optional<std::string_view> purpose_text_id(std::string_view purpose) {
  for (const auto& [word, id] : purpose_table)
    if (word == purpose) return id;
  return std::nullopt;
}

const template_texts* builtin_template_texts(std::string_view template_id) {
  for (const auto& t : template_table)
    if (t.id == template_id) return &t;
  return nullptr;
}

std::vector<std::string_view> run_time_text_ids() {
  std::vector<std::string_view> out(role_texts.begin(), role_texts.end());
  for (const auto& [word, id] : purpose_table) out.push_back(id);
  for (const auto& t : template_table) {
    out.push_back(t.title);
    out.push_back(t.advice);
  }
  return out;
}

}  // namespace commands
