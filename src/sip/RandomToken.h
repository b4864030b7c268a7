#pragma once

#include <QString>

namespace sip {

/// Random tokens for tags, branches, Call-IDs, cnonces and the `.invalid` host (spec §9:
/// lower-case base-32 alphabet as JsSIP uses), from QRandomGenerator::global().
class RandomToken {
public:
    static QString make(int length);
    /// `z9hG4bK` + decimal digits (RFC 3261 §8.1.1.7 magic cookie).
    static QString branch();
    /// A random RFC 4122 version-4 UUID without braces.
    static QString uuid();
};

} // namespace sip
