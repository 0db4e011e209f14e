// An index of distinct texts (ids, date texts, sources) to small numbers, for readers of big
// files. Open addressing in one flat array of 8-byte slots (part of the hash and the number):
// a lookup touches one slot and the key it compares, where std::unordered_map follows a bucket
// to a node to the string (three cache misses a row with 300,000 ids). The keys stay with the
// caller, which hands a function from a number to its text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace miyagiplan::detail {

// A 64-bit hash of a short text: eight bytes at a time, mixed as splitmix64 finishes.
inline std::uint64_t hash_text(std::string_view s) noexcept {
  constexpr std::uint64_t k1 = 0xbf58476d1ce4e5b9ull, k2 = 0x94d049bb133111ebull;
  std::uint64_t h = 0x9e3779b97f4a7c15ull ^ (s.size() * k2);
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * k1;
    h ^= h >> 31;
  }
  if (i < s.size()) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = (h ^ w) * k2;
    h ^= h >> 29;
  }
  h *= k1;
  return h ^ (h >> 32);
}

class string_index {
 public:
  static constexpr std::uint32_t none = UINT32_MAX;

  // The number of `key`, or none. key_of(n) is the text of number n.
  template <class KeyOf>
  std::uint32_t find(std::string_view key, KeyOf&& key_of) const noexcept {
    if (slots_.empty()) return none;
    const std::uint64_t h = hash_text(key);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t k = h & mask_;; k = (k + 1) & mask_) {
      const slot& s = slots_[k];
      if (s.number == none) return none;
      if (s.tag == tag && key_of(s.number) == key) return s.number;
    }
  }

  // Records `number` for `key`, which must not be there yet.
  template <class KeyOf>
  void insert(std::string_view key, std::uint32_t number, KeyOf&& key_of) {
    // At most half full: runs of probes stay short.
    if (2 * (size_ + 1) > slots_.size()) grow(key_of);
    place(hash_text(key), number);
    ++size_;
  }

  std::size_t size() const noexcept { return size_; }
  void clear() noexcept { slots_.clear(), size_ = 0, mask_ = 0; }

 private:
  struct slot {
    std::uint32_t tag = 0;  // the hash's upper half
    std::uint32_t number = none;
  };

  void place(std::uint64_t h, std::uint32_t number) noexcept {
    std::size_t k = h & mask_;
    while (slots_[k].number != none) k = (k + 1) & mask_;
    slots_[k] = {static_cast<std::uint32_t>(h >> 32), number};
  }
  template <class KeyOf>
  void grow(KeyOf& key_of) {
    std::vector<slot> old(slots_.empty() ? 16 : 2 * slots_.size());
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const slot& s : old)
      if (s.number != none) place(hash_text(key_of(s.number)), s.number);
  }

  std::vector<slot> slots_;
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
};

}  // namespace miyagiplan::detail
