// Fuzz target: password masking of connection strings and URIs, by text (core/secrets.*, for
// run records and logs) and through libpq (core/pg/conninfo.*, for the screen). libpq's own
// parser is the oracle: when it finds a password in the input, the masked text must not give
// it back, whether read again by libpq or searched for verbatim.

#include "history/secrets.h"
#include "pg/conninfo.h"

#include <QHashFunctions>

#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace spillway;

namespace {

struct Secrets
{
    bool parsed = false;
    QByteArray password, sslpassword;
};

Secrets secretsOf(const QByteArray &conninfo)
{
    Secrets s;
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.constData(), &error);
    if (error)
        PQfreemem(error);
    if (!options)
        return s;
    s.parsed = true;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (o->val && std::strcmp(o->keyword, "password") == 0)
            s.password = o->val;
        else if (o->val && std::strcmp(o->keyword, "sslpassword") == 0)
            s.sslpassword = o->val;
    }
    PQconninfoFree(options);
    return s;
}

void fail(const char *what, const QByteArray &input, const QByteArray &masked)
{
    std::fprintf(stderr, "fuzz_conninfo: %s\ninput:  %s\nmasked: %s\n", what, input.constData(),
                 masked.constData());
    std::abort();
}

bool isMasked(const QByteArray &value)
{
    return value.isEmpty() || value == "****";
}

// The masked text, read by libpq, holds no password but the mask; and a password that the
// input holds verbatim, once, is no longer there.
void checkMasked(const QByteArray &input, const QByteArray &masked, const Secrets &in,
                 const char *who)
{
    const Secrets out = secretsOf(masked);
    if (out.parsed && (!isMasked(out.password) || !isMasked(out.sslpassword)))
        fail(who, input, masked);
    for (const QByteArray &secret : {in.password, in.sslpassword}) {
        if (secret.size() >= 6 && input.count(secret) == 1 && masked.contains(secret))
            fail(who, input, masked);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QHashSeed::setDeterministicGlobalSeed();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    // libpq reads a C string: the text up to the first NUL.
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(raw.left(raw.indexOf('\0')));
    const QByteArray input = text.toUtf8(); // what the masks see, invalid UTF-8 replaced
    const Secrets in = secretsOf(input);
    checkMasked(input, maskConnectionString(text).toUtf8(), in,
                "maskConnectionString() leaks a password");
    const QString viaLibpq = ConnInfo::masked(text);
    if (in.parsed)
        checkMasked(input, viaLibpq.toUtf8(), in, "ConnInfo::masked() leaks a password");
    const QStringList arguments = maskArguments({QStringLiteral("--db"), text});
    if (arguments.size() != 2 || arguments[1] != maskConnectionString(text))
        fail("maskArguments() masks each argument like maskConnectionString()", input,
             arguments.value(1).toUtf8());
    return 0;
}
