// A sequence that grows in blocks of 4,096 elements: growing never moves what is held (as
// std::deque), and the k-th element is found by a shift and a mask, where std::deque of a
// 24-byte record divides by 21 and follows its map: measurably faster for the millions of
// records of an observation_set read far apart.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <utility>
#include <vector>

namespace miyagiplan::detail {

template <class T>
class chunked_vector {
 public:
  chunked_vector() = default;
  chunked_vector(std::initializer_list<T> items) {
    for (const T& t : items) push_back(t);
  }

  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  T& operator[](std::size_t k) noexcept { return blocks_[k >> shift][k & mask]; }
  const T& operator[](std::size_t k) const noexcept { return blocks_[k >> shift][k & mask]; }
  const T& at(std::size_t k) const {
    if (k >= size_) throw std::out_of_range("chunked_vector::at");
    return (*this)[k];
  }
  void push_back(const T& t) { emplace_back(t); }
  void push_back(T&& t) { emplace_back(std::move(t)); }
  template <class... Args>
  T& emplace_back(Args&&... args) {
    if ((size_ & mask) == 0) blocks_.emplace_back();
    // A whole block at once (a copy's last block may hold less).
    if (blocks_.back().capacity() < block) blocks_.back().reserve(block);
    ++size_;
    return blocks_.back().emplace_back(std::forward<Args>(args)...);
  }

 private:
  static constexpr std::size_t shift = 12, block = std::size_t{1} << shift, mask = block - 1;
  std::vector<std::vector<T>> blocks_;  // each reserved to a whole block, so never moved
  std::size_t size_ = 0;
};

}  // namespace miyagiplan::detail
