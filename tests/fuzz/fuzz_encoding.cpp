// Encoding detection and decoding: for any bytes, to_utf8 either returns valid UTF-8 or throws a
// schema_error whose where() is "file:line:column"; the streaming decoder, fed the same bytes in
// chunks of any size, agrees with it (text or error, and where); and text decoded from CP932
// encodes back to CP932 that decodes to the same text.
#include "fuzz_common.hpp"
#include "miyagiplan/office.hpp"

using namespace miyagiplan;
using namespace miyagiplan::office;

namespace {

struct outcome {
  bool ok = false;
  std::string text;  // the UTF-8, or the error's where()
};

outcome whole(std::string_view bytes, text_encoding e) {
  try {
    return {true, to_utf8(bytes, e, "f.csv")};
  } catch (const schema_error& err) {
    FUZZ_CHECK(err.where().starts_with("f.csv:"), err.what());
    return {false, err.where()};
  }
}

outcome streamed(std::string_view bytes, text_encoding e, std::size_t chunk) {
  utf8_decoder d(e, "f.csv");
  std::string out;
  try {
    for (std::size_t i = 0; i < bytes.size(); i += chunk) d.feed(bytes.substr(i, chunk), out);
    d.finish(out);
    return {true, out};
  } catch (const schema_error& err) {
    return {false, err.where()};
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t chunk = 1 + data[0] % 7;
  const std::string_view bytes = fuzz::as_text(data + 1, size - 1);
  const text_encoding detected = detect_encoding(bytes);
  FUZZ_CHECK(detected != text_encoding::automatic, fuzz::shown(bytes));
  for (const text_encoding e : {text_encoding::automatic, text_encoding::utf8, text_encoding::cp932}) {
    const outcome w = whole(bytes, e);
    if (w.ok) FUZZ_CHECK(detect_encoding(w.text) == text_encoding::utf8, fuzz::shown(w.text));
    if (e == text_encoding::automatic) {
      const outcome as_detected = whole(bytes, detected);
      FUZZ_CHECK(as_detected.ok == w.ok && as_detected.text == w.text, fuzz::shown(bytes));
      continue;  // streaming detects from the first 4 KiB only
    }
    const outcome s = streamed(bytes, e, chunk);
    FUZZ_CHECK(s.ok == w.ok && s.text == w.text,
               fuzz::shown(bytes) + " in chunks of " + std::to_string(chunk) + ": " + fuzz::shown(s.text) +
                   " vs " + fuzz::shown(w.text));
    if (e == text_encoding::cp932 && w.ok) {
      const std::string back = from_utf8(w.text, text_encoding::cp932);
      FUZZ_CHECK(to_utf8(back, text_encoding::cp932) == w.text, fuzz::shown(bytes));
    }
  }
  // Any UTF-8 text either encodes to CP932 or names what it cannot.
  try {
    (void)from_utf8(bytes, text_encoding::cp932, "o.csv");
  } catch (const schema_error& e) {
    FUZZ_CHECK(e.where().starts_with("o.csv:"), e.what());
  }
  return 0;
}
