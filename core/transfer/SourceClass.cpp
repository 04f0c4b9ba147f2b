#include "transfer/SourceClass.h"

#include <QCoreApplication>

namespace opendo::transfer {

std::optional<SourceClass> sourceClassFromKey(const QString& key)
{
    for (SourceClass c : kAllSourceClasses) {
        if (sourceClassKey(c) == key)
            return c;
    }
    return std::nullopt;
}

QString sourceClassKey(SourceClass c)
{
    switch (c) {
    case SourceClass::Http:
        return QStringLiteral("http");
    case SourceClass::CacheServer:
        return QStringLiteral("cache_server");
    case SourceClass::LanPeer:
        return QStringLiteral("lan");
    case SourceClass::GroupPeer:
        return QStringLiteral("group");
    case SourceClass::InternetPeer:
        return QStringLiteral("internet");
    case SourceClass::LinkLocalPeer:
        return QStringLiteral("link_local");
    }
    return {};
}

QString sourceClassLabel(SourceClass c)
{
    switch (c) {
    case SourceClass::Http:
        return QCoreApplication::translate("opendo::transfer", "HTTP");
    case SourceClass::CacheServer:
        return QCoreApplication::translate("opendo::transfer", "Cache server");
    case SourceClass::LanPeer:
        return QCoreApplication::translate("opendo::transfer", "LAN peers");
    case SourceClass::GroupPeer:
        return QCoreApplication::translate("opendo::transfer", "Group peers");
    case SourceClass::InternetPeer:
        return QCoreApplication::translate("opendo::transfer", "Internet peers");
    case SourceClass::LinkLocalPeer:
        // DO calls them LinkLocal peers; "local" alone would be confused with LAN.
        return QCoreApplication::translate("opendo::transfer", "Local-discovery peers");
    }
    return {};
}

} // namespace opendo::transfer
