#pragma once

// Binary COPY forms of the network, interval and geometric types, read from their text:
// inet and cidr (family, bits, is-cidr flag, address bytes), macaddr (six bytes), interval
// (microseconds, days, months) and point (two float8). Each writes the field's 32-bit length
// and bytes at p and returns the end, or nullptr with `why` set when the text is not valid
// input for the type.

#include <string_view>

namespace spillway {

char *putInetText(char *p, std::string_view text, bool cidr, const char *&why);
char *putMacaddrText(char *p, std::string_view text, const char *&why);
char *putIntervalText(char *p, std::string_view text, const char *&why);
char *putPointText(char *p, std::string_view text, const char *&why);

} // namespace spillway
