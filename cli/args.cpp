#include "args.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>

#include <miyagiplan/report.hpp>

namespace mpcli {

using miyagiplan::present::display_width;
using miyagiplan::present::fit;

CLI::App* add_command(CLI::App& app, const command_spec& spec, parsed_args& out) {
  CLI::App* sub = app.add_subcommand(std::string(spec.name), std::string(spec.summary));
  sub->formatter_fn([&spec](const CLI::App*, std::string, CLI::AppFormatMode) { return help_text(spec); });
  sub->set_help_flag("-h,--help", "show this help");
  for (const auto& o : spec.options) {
    const std::string name(o.name);
    const std::string names = (o.short_name ? std::string("-") + o.short_name + "," : std::string()) + "--" + name;
    if (!o.takes_value()) {
      sub->add_flag_callback(names, [&out, name] { out.set(name, ""); }, std::string(o.help));
      continue;
    }
    CLI::Option* opt = sub->add_option_function<std::string>(
        names, [&out, name](const std::string& value) { out.set(name, value); }, std::string(o.help));
    opt->type_name(std::string(o.value_name));
    opt->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    if (!o.choices.empty()) opt->check(CLI::IsMember(o.choices));
  }
  if (spec.max_positionals > 0) {
    // Named as the synopsis names them: TEXT…, DATE…, FILE.
    std::string shown = "ARGUMENT";
    for (std::size_t at = 0; at < spec.synopsis.size();) {
      const std::size_t end = std::min(spec.synopsis.find_first_of(" \n", at), spec.synopsis.size());
      const std::string_view word = spec.synopsis.substr(at, end - at);
      if (!word.empty() && word.front() != '[') {
        shown = std::string(word.substr(0, word.find("\u2026")));
        break;
      }
      at = end + 1;
    }
    CLI::Option* positionals = sub->add_option(shown, out.positionals);
    if (spec.max_positionals == SIZE_MAX)
      positionals->expected(static_cast<int>(spec.min_positionals), CLI::detail::expected_max_vector_size);
    else
      positionals->expected(static_cast<int>(spec.min_positionals), static_cast<int>(spec.max_positionals));
    if (spec.min_positionals > 0) positionals->required();
  }
  return sub;
}

std::optional<int> parsed_args::get_int(std::string_view name, int low, int high, std::string_view expected) const {
  const auto text = get(name);
  if (!text) return std::nullopt;
  int v = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || end != text->data() + text->size() || v < low || v > high)
    throw usage_error("--" + std::string(name) + ": expected " + std::string(expected) + ", found \"" + *text + "\"");
  return v;
}

std::string help_text(const command_spec& spec) {
  std::string out = "usage: miyagiplan " + std::string(spec.name) + " " + std::string(spec.synopsis) +
                    "\n\n" + std::string(spec.summary) + "\n";
  if (!spec.options.empty()) {
    out += "\noptions:\n";
    std::vector<std::string> heads;
    int widest = 0;
    for (const auto& o : spec.options) {
      std::string head = o.short_name ? std::string("-") + o.short_name + ", " : std::string("    ");
      head += "--" + std::string(o.name);
      if (o.takes_value()) head += " " + std::string(o.value_name);
      widest = std::max(widest, display_width(head));
      heads.push_back(std::move(head));
    }
    heads.push_back("-h, --help");
    widest = std::max(widest, display_width(heads.back()));
    for (std::size_t k = 0; k < heads.size(); ++k) {
      const std::string_view help = k < spec.options.size() ? spec.options[k].help : "show this help";
      // A help text may run over several lines: the later ones line up under the first.
      std::size_t start = 0;
      bool first = true;
      while (start <= help.size()) {
        const std::size_t end = std::min(help.find('\n', start), help.size());
        out += "  " + fit(first ? heads[k] : std::string(), widest) + "  " +
               std::string(help.substr(start, end - start)) + "\n";
        first = false;
        start = end + 1;
      }
    }
  }
  if (!spec.details.empty()) out += "\n" + std::string(spec.details);
  if (!out.ends_with('\n')) out += "\n";
  return out;
}

}  // namespace mpcli
