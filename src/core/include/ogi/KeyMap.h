// A map from value keys ("R3_3_8.NP") to what a check found for them, as a sorted vector.
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ogi {

/// Value key -> T in key order, held in one sorted vector: a check writes a table's few hundred
/// keys once, in key order, and the rules read them by key; a std::map paid one allocation per
/// key and check (issue 11). The part of std::map's interface the engine uses; entries stay
/// where they are once written unless a key is inserted out of order (operator[]).
template <typename T>
class KeyMap {
public:
    using value_type = std::pair<std::string, T>;
    using const_iterator = typename std::vector<value_type>::const_iterator;

    const_iterator begin() const { return m_entries.begin(); }
    const_iterator end() const { return m_entries.end(); }
    size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    void reserve(size_t n) { m_entries.reserve(n); }

    const_iterator find(std::string_view key) const
    {
        const auto it = lowerBound(key);
        return it != m_entries.end() && it->first == key ? it : m_entries.end();
    }
    size_t count(std::string_view key) const { return find(key) == end() ? 0 : 1; }

    /// The entry of a key; throws std::out_of_range for a key it does not hold (as std::map::at).
    const T& at(std::string_view key) const
    {
        const auto it = find(key);
        if (it == end())
            throw std::out_of_range("no entry for key " + std::string(key));
        return it->second;
    }

    /// The entry of a key, inserted in its place (a T{}) when it is new.
    T& operator[](std::string_view key)
    {
        const auto at = m_entries.begin() + (lowerBound(key) - m_entries.cbegin());
        if (at != m_entries.end() && at->first == key)
            return at->second;
        return m_entries.insert(at, value_type(std::string(key), T{}))->second;
    }

    /// Adds a key after all others (keys written in order cost no search); a key that is not
    /// greater than the last one goes to its place as operator[] would put it.
    const value_type& appendInOrder(std::string key, T value)
    {
        if (!m_entries.empty() && !(m_entries.back().first < key)) {
            T& slot = (*this)[key];
            slot = std::move(value);
            return *find(key);
        }
        return m_entries.emplace_back(std::move(key), std::move(value));
    }

    friend bool operator==(const KeyMap& a, const KeyMap& b) { return a.m_entries == b.m_entries; }
    friend bool operator!=(const KeyMap& a, const KeyMap& b) { return !(a == b); }

private:
    const_iterator lowerBound(std::string_view key) const
    {
        return std::lower_bound(m_entries.begin(), m_entries.end(), key,
                                [](const value_type& e, std::string_view k) { return std::string_view(e.first) < k; });
    }

    std::vector<value_type> m_entries;
};

} // namespace ogi
