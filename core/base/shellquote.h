#pragma once

// One word for /bin/sh: left as it is when it holds only characters the shell does not
// interpret (letters, digits, _ . / : = @ % + , -), else in single quotes. Used wherever Spillway
// shows a command to copy: "Copy as command", run records, hints in error messages.

#include <QString>

namespace spillway {

QString shellQuote(const QString &word);

} // namespace spillway
