#include "schema/generatorregistry.h"

namespace spillway {

Value Generator::valueAt(uint64_t index, Arena &arena) const
{
    Q_UNUSED(index)
    Q_UNUSED(arena)
    return Value::null();
}

GeneratorRegistry::GeneratorRegistry()
{
    registerNumericGenerators(*this);
    registerTemporalGenerators(*this);
    registerTextGenerators(*this);
    registerReferenceGenerators(*this);
    registerPeopleGenerators(*this);
    registerPlaceGenerators(*this);
    registerInternetGenerators(*this);
    registerCompositeGenerators(*this);
    registerGeoGenerators(*this);
}

RandomStream GeneratorArgs::groupStream(const QString &defaultGroup) const
{
    const QString group = params.name(
        QStringLiteral("group"), QStringLiteral("group shared by related columns"), defaultGroup);
    return RandomStream(tableKey).derive(hashName("group:" + group.toStdString()));
}

const GeneratorRegistry &GeneratorRegistry::instance()
{
    static const GeneratorRegistry registry;
    return registry;
}

const GeneratorInfo *GeneratorRegistry::find(const QString &kind) const
{
    for (const GeneratorInfo &info : m_infos) {
        if (info.kind == kind)
            return &info;
    }
    return nullptr;
}

QStringList GeneratorRegistry::kinds() const
{
    QStringList names;
    for (const GeneratorInfo &info : m_infos)
        names.append(info.kind);
    return names;
}

} // namespace spillway
