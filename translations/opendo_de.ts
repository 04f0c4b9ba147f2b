<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CheckResultText</name>
    <message>
        <source>Evidence:</source>
        <translation>Belege:</translation>
    </message>
    <message>
        <source>Remedy:</source>
        <translation>Abhilfe:</translation>
    </message>
    <message>
        <source>No checks ran.</source>
        <translation>Es wurden keine Prüfungen ausgeführt.</translation>
    </message>
    <message>
        <source>Every check passed: nothing stands in the way.</source>
        <translation>Alle Prüfungen bestanden: Nichts steht im Weg.</translation>
    </message>
    <message>
        <source>Most likely cause:</source>
        <translation>Wahrscheinlichste Ursache:</translation>
    </message>
    <message>
        <source>Nothing failed; the first warning:</source>
        <translation>Nichts ist fehlgeschlagen; die erste Warnung:</translation>
    </message>
    <message>
        <source>What was checked, in order:</source>
        <translation>Was geprüft wurde, in dieser Reihenfolge:</translation>
    </message>
    <message>
        <source>%1 % of the bytes came from peers</source>
        <translation>%1 % der Bytes kamen von Peers</translation>
    </message>
    <message>
        <source>Conclusion:</source>
        <translation>Fazit:</translation>
    </message>
    <message>
        <source>It also explains %1: %2</source>
        <translation>Das erklärt auch %1: %2</translation>
    </message>
</context>
<context>
    <name>DiscoveryStore</name>
    <message>
        <source>Cannot open the discovery database %1: %2</source>
        <translation>Die Datenbank des Erkennungsdienstes %1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>der Ordner lässt sich nicht anlegen</translation>
    </message>
</context>
<context>
    <name>DnsMessage</name>
    <message>
        <source>DNS message longer than 9000 bytes at byte %1</source>
        <translation>DNS-Nachricht länger als 9000 Bytes bei Byte %1</translation>
    </message>
    <message>
        <source>DNS header truncated at byte %1</source>
        <translation>DNS-Kopf abgeschnitten bei Byte %1</translation>
    </message>
    <message>
        <source>DNS message with an opcode other than QUERY at byte %1</source>
        <translation>DNS-Nachricht mit einem anderen Opcode als QUERY bei Byte %1</translation>
    </message>
    <message>
        <source>DNS message with a non-zero response code at byte %1</source>
        <translation>DNS-Nachricht mit einem Antwortcode ungleich null bei Byte %1</translation>
    </message>
    <message>
        <source>DNS section with more than 64 entries at byte %1</source>
        <translation>DNS-Abschnitt mit mehr als 64 Einträgen bei Byte %1</translation>
    </message>
    <message>
        <source>DNS name truncated at byte %1</source>
        <translation>DNS-Name abgeschnitten bei Byte %1</translation>
    </message>
    <message>
        <source>DNS label longer than 63 bytes or of a reserved type at byte %1</source>
        <translation>DNS-Label länger als 63 Bytes oder von reserviertem Typ bei Byte %1</translation>
    </message>
    <message>
        <source>DNS name longer than 255 bytes at byte %1</source>
        <translation>DNS-Name länger als 255 Bytes bei Byte %1</translation>
    </message>
    <message>
        <source>DNS compression pointer not pointing back to an earlier name at byte %1</source>
        <translation>DNS-Kompressionszeiger zeigt nicht zurück auf einen früheren Namen bei Byte %1</translation>
    </message>
    <message>
        <source>DNS name with more than 32 compression pointers at byte %1</source>
        <translation>DNS-Name mit mehr als 32 Kompressionszeigern bei Byte %1</translation>
    </message>
    <message>
        <source>DNS question or record truncated at byte %1</source>
        <translation>DNS-Frage oder -Eintrag abgeschnitten bei Byte %1</translation>
    </message>
    <message>
        <source>DNS record data running past the message at byte %1</source>
        <translation>DNS-Eintragsdaten reichen über das Ende der Nachricht hinaus bei Byte %1</translation>
    </message>
    <message>
        <source>DNS record data of the wrong length for its type at byte %1</source>
        <translation>DNS-Eintragsdaten mit falscher Länge für ihren Typ bei Byte %1</translation>
    </message>
    <message>
        <source>DNS TXT string running past its record data at byte %1</source>
        <translation>DNS-TXT-Zeichenkette reicht über ihre Eintragsdaten hinaus bei Byte %1</translation>
    </message>
    <message>
        <source>DNS message with bytes after the last record at byte %1</source>
        <translation>DNS-Nachricht mit Bytes nach dem letzten Eintrag bei Byte %1</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>Keep in the cache until</source>
        <translation>Im Cache behalten bis</translation>
    </message>
    <message>
        <source>Keep %1 in the cache at least until this time. DOMaxCacheAge does not remove it before then; the size limits still can (pin it to prevent that).</source>
        <translation>%1 mindestens bis zu diesem Zeitpunkt im Cache behalten. DOMaxCacheAge entfernt die Datei nicht vorher; die Größengrenzen können es weiterhin (anheften verhindert das).</translation>
    </message>
</context>
<context>
    <name>do-agent</name>
    <message>
        <source>The OpenDO agent: peer-assisted downloads and cache as a headless service.</source>
        <translation>Der OpenDO-Agent: Downloads mit Unterstützung durch Peers und Cache als Dienst ohne Oberfläche.</translation>
    </message>
    <message>
        <source>State and cache folder (default: %1).</source>
        <translation>Ordner für Zustand und Cache (Standard: %1).</translation>
    </message>
    <message>
        <source>Address and port peers connect to (default 0.0.0.0:7680).</source>
        <translation>Adresse und Port, mit denen sich Peers verbinden (Standard 0.0.0.0:7680).</translation>
    </message>
    <message>
        <source>A peer every download tries; repeatable.</source>
        <translation>Ein Peer, den jeder Download versucht; mehrfach angebbar.</translation>
    </message>
    <message>
        <source>HTTP proxy for the origin (default: the http_proxy/https_proxy environment).</source>
        <translation>HTTP-Proxy für den Ursprungsserver (Standard: die Umgebungsvariablen http_proxy/https_proxy).</translation>
    </message>
    <message>
        <source>Discovery service base URL, e.g. http://192.0.2.10:7681 (default: the DiscoveryUrl setting; without either, only --peer peers are used).</source>
        <translation>Basis-URL des Erkennungsdienstes, z. B. http://192.0.2.10:7681 (Standard: die Einstellung DiscoveryUrl; ohne beides werden nur die mit --peer angegebenen Peers verwendet).</translation>
    </message>
</context>
<context>
    <name>do-discovery</name>
    <message>
        <source>The OpenDO discovery service: a BitTorrent tracker with Delivery Optimization download modes, swarm keys and content publishing.</source>
        <translation>Der OpenDO-Erkennungsdienst: ein BitTorrent-Tracker mit den Downloadmodi der Übermittlungsoptimierung, Schwarmschlüsseln und der Veröffentlichung von Inhalten.</translation>
    </message>
    <message>
        <source>SQLite file keeping published content, registrations and the swarm key secret across restarts (default: memory only).</source>
        <translation>SQLite-Datei, die veröffentlichte Inhalte, Registrierungen und das Geheimnis der Schwarmschlüssel über Neustarts hinweg bewahrt (Standard: nur im Arbeitsspeicher).</translation>
    </message>
    <message>
        <source>Announce interval in seconds (default 60, at least 1).</source>
        <translation>Announce-Intervall in Sekunden (Standard 60, mindestens 1).</translation>
    </message>
    <message>
        <source>Most peers in one announce response (default 50).</source>
        <translation>Höchstzahl an Peers in einer Announce-Antwort (Standard 50).</translation>
    </message>
    <message>
        <source>Requests per second per client address (default 200, 0 = unlimited).</source>
        <translation>Anfragen pro Sekunde je Clientadresse (Standard 200, 0 = unbegrenzt).</translation>
    </message>
    <message>
        <source>Treat client addresses as behind a NAT with the given public address, e.g. 127.0.0.2-127.0.0.3=203.0.113.1 or 127.0.0.0/30=203.0.113.1; repeatable.</source>
        <translation>Clientadressen so behandeln, als lägen sie hinter einem NAT mit der angegebenen öffentlichen Adresse, z. B. 127.0.0.2-127.0.0.3=203.0.113.1 oder 127.0.0.0/30=203.0.113.1; mehrfach angebbar.</translation>
    </message>
    <message>
        <source>Publish a .torrent file at start; repeatable.</source>
        <translation>Beim Start eine .torrent-Datei veröffentlichen; mehrfach angebbar.</translation>
    </message>
    <message>
        <source>Accept POST /v1/publish only with &quot;Authorization: Bearer TOKEN&quot; (default: only from loopback clients).</source>
        <translation>POST /v1/publish nur mit &quot;Authorization: Bearer TOKEN&quot; annehmen (Standard: nur von Loopback-Clients).</translation>
    </message>
    <message>
        <source>Same as --publish-token with the token read from the first line of FILE (keeps it out of the process list).</source>
        <translation>Wie --publish-token, wobei das Token aus der ersten Zeile von FILE gelesen wird (so erscheint es nicht in der Prozessliste).</translation>
    </message>
    <message>
        <source>Most contents the catalogue holds (default 10000).</source>
        <translation>Höchstzahl an Inhalten im Katalog (Standard 10000).</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--listen: %1</source>
        <translation>--listen: %1</translation>
    </message>
    <message>
        <source>--interval needs a whole number of seconds, at least 1: %1</source>
        <translation>--interval benötigt eine ganze Zahl von Sekunden, mindestens 1: %1</translation>
    </message>
    <message>
        <source>--max-peers needs a number of peers, 0 or more: %1</source>
        <translation>--max-peers benötigt eine Anzahl von Peers, 0 oder mehr: %1</translation>
    </message>
    <message>
        <source>--rate-limit needs requests per second, 0 for unlimited: %1</source>
        <translation>--rate-limit benötigt Anfragen pro Sekunde, 0 für unbegrenzt: %1</translation>
    </message>
    <message>
        <source>--nat-map %1: %2</source>
        <translation>--nat-map %1: %2</translation>
    </message>
    <message>
        <source>--publish-token and --publish-token-file exclude each other</source>
        <translation>--publish-token und --publish-token-file schließen einander aus</translation>
    </message>
    <message>
        <source>--publish-token needs a token without spaces at either end</source>
        <translation>--publish-token benötigt ein Token ohne Leerzeichen am Anfang oder Ende</translation>
    </message>
    <message>
        <source>--publish-token-file: cannot read %1: %2</source>
        <translation>--publish-token-file: %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>--publish-token-file: %1 has no token</source>
        <translation>--publish-token-file: %1 enthält kein Token</translation>
    </message>
    <message>
        <source>--max-published needs a number of contents, at least 1: %1</source>
        <translation>--max-published benötigt eine Anzahl von Inhalten, mindestens 1: %1</translation>
    </message>
    <message>
        <source>--publish: cannot read %1: %2</source>
        <translation>--publish: %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>--publish %1: %2</source>
        <translation>--publish %1: %2</translation>
    </message>
    <message>
        <source>Address and port to serve on; *:PORT serves every IPv4 and IPv6 address (default *:7681).</source>
        <translation>Adresse und Port, auf denen der Dienst lauscht; *:PORT bedient jede IPv4- und IPv6-Adresse (Standard *:7681).</translation>
    </message>
    <message>
        <source>Name cache servers to devices, e.g. 10.1.0.0/16=cache1:8080,cache2 or just cache.example.com for every device; the first rule whose subnet holds the device applies; repeatable.</source>
        <translation>Geräten Cache-Server zuweisen, z. B. 10.1.0.0/16=cache1:8080,cache2 oder nur cache.example.com für alle Geräte; es gilt die erste Regel, deren Subnetz das Gerät enthält; wiederholbar.</translation>
    </message>
    <message>
        <source>--cache-host: %1</source>
        <translation>--cache-host: %1</translation>
    </message>
</context>
<context>
    <name>doctl</name>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 benötigt einen Wert</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <source>ignored arguments: %1</source>
        <translation>ignorierte Argumente: %1</translation>
    </message>
    <message>
        <source>usage: doctl [--data-dir DIR] config list [--json]
       doctl [--data-dir DIR] config get KEY [--json]
       doctl [--data-dir DIR] config set KEY VALUE [--policy]
       doctl [--data-dir DIR] config reset KEY [--policy|--local]
       doctl [--data-dir DIR] config import FILE [--local]
       doctl [--data-dir DIR] config export FILE
FILE formats by extension: .reg, .pol (Registry.pol), .xml (MDM SyncML), .json.
set writes the local layer unless --policy; import writes the policy layer unless --local.
A business-hours group is set as &quot;FROM-TO in=PERCENT out=PERCENT&quot;, e.g. &quot;8-17 in=20 out=90&quot;.
</source>
        <translation>Aufruf: doctl [--data-dir DIR] config list [--json]
        doctl [--data-dir DIR] config get KEY [--json]
        doctl [--data-dir DIR] config set KEY VALUE [--policy]
        doctl [--data-dir DIR] config reset KEY [--policy|--local]
        doctl [--data-dir DIR] config import FILE [--local]
        doctl [--data-dir DIR] config export FILE
Formate von FILE nach Dateiendung: .reg, .pol (Registry.pol), .xml (MDM SyncML), .json.
set schreibt in die lokale Ebene, außer mit --policy; import schreibt in die Richtlinienebene,
außer mit --local.
Eine Geschäftszeiten-Gruppe wird als &quot;FROM-TO in=PERCENT out=PERCENT&quot; gesetzt, z. B. &quot;8-17 in=20 out=90&quot;.
</translation>
    </message>
    <message>
        <source>nothing was changed</source>
        <translation>es wurde nichts geändert</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a business-hours window; write FROM-TO in=PERCENT out=PERCENT, e.g. &quot;8-17 in=20 out=90&quot;</source>
        <translation>%1: „%2“ ist kein Geschäftszeitenfenster; schreiben Sie FROM-TO in=PERCENT out=PERCENT, z. B. &quot;8-17 in=20 out=90&quot;</translation>
    </message>
    <message>
        <source>config set %1 needs a value</source>
        <translation>config set %1 benötigt einen Wert</translation>
    </message>
    <message>
        <source>%1 cannot be used with config %2</source>
        <translation>%1 kann nicht mit config %2 verwendet werden</translation>
    </message>
    <message>
        <source>unknown config verb &quot;%1&quot;</source>
        <translation>unbekanntes config-Verb „%1“</translation>
    </message>
    <message>
        <source>config %1 needs an argument</source>
        <translation>config %1 benötigt ein Argument</translation>
    </message>
    <message>
        <source>imported %1</source>
        <translation>%1 importiert</translation>
    </message>
    <message>
        <source>exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>%1 is not a Delivery Optimization setting (see: doctl config list)</source>
        <translation>%1 ist keine Einstellung der Übermittlungsoptimierung (siehe: doctl config list)</translation>
    </message>
    <message>
        <source>the agent on %1 stopped before the command finished</source>
        <translation>der Agent auf %1 wurde beendet, bevor der Befehl fertig war</translation>
    </message>
    <message>
        <source>the request is not JSON: %1 at offset %2</source>
        <translation>die Anfrage ist kein JSON: %1 an Offset %2</translation>
    </message>
    <message>
        <source>the request is not a JSON object</source>
        <translation>die Anfrage ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>unsupported control protocol version &quot;%1&quot; (this agent speaks %2)</source>
        <translation>nicht unterstützte Version „%1“ des Steuerprotokolls (dieser Agent spricht %2)</translation>
    </message>
    <message>
        <source>the request has no &quot;args&quot; array</source>
        <translation>die Anfrage hat kein &quot;args&quot;-Array</translation>
    </message>
    <message>
        <source>&quot;args&quot; must hold strings only</source>
        <translation>&quot;args&quot; darf nur Zeichenketten enthalten</translation>
    </message>
    <message>
        <source>&quot;cwd&quot; must be a string</source>
        <translation>&quot;cwd&quot; muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;cwd&quot; must be an absolute path</source>
        <translation>&quot;cwd&quot; muss ein absoluter Pfad sein</translation>
    </message>
    <message>
        <source>the request is longer than %1 bytes</source>
        <translation>die Anfrage ist länger als %1 Bytes</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>another agent already serves %1 (%2 answers)</source>
        <translation>ein anderer Agent bedient bereits %1 (%2 antwortet)</translation>
    </message>
    <message>
        <source>cannot remove the stale socket file %1</source>
        <translation>die veraltete Socket-Datei %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>auf %1 kann nicht gelauscht werden: %2</translation>
    </message>
    <message>
        <source>cannot restrict the permissions of %1: %2</source>
        <translation>die Berechtigungen von %1 können nicht eingeschränkt werden: %2</translation>
    </message>
    <message>
        <source>usage: doctl [--data-dir DIR] [--proxy URL] download SOURCE [--out PATH] [--foreground|--background] [--json]
SOURCE is an http(s) URL (HTTP only, never shared) or a .torrent metainfo file (verified piece by piece, kept in the cache for peers).
</source>
        <translation>Aufruf: doctl [--data-dir DIR] [--proxy URL] download SOURCE [--out PATH] [--foreground|--background] [--json]
SOURCE ist eine http(s)-URL (nur HTTP, nie mit Peers geteilt) oder eine .torrent-Metainfo-Datei (Stück für Stück geprüft, für Peers im Cache behalten).
</translation>
    </message>
    <message>
        <source>%1 %2% %3 MiB/s</source>
        <translation>%1 %2 % %3 MiB/s</translation>
    </message>
    <message>
        <source>the agent is shutting down; download %1 stays in its queue</source>
        <translation>der Agent wird beendet; der Download %1 bleibt in seiner Warteschlange</translation>
    </message>
    <message>
        <source>usage: doctl log [--follow] [--json] [--level debug|info|warning|critical] [--component NAME] [--lines N]
  NAME matches a log category or its last part (swarm, peer, transfer, agent, discovery…)
</source>
        <translation>Aufruf: doctl log [--follow] [--json] [--level debug|info|warning|critical] [--component NAME] [--lines N]
  NAME passt auf eine Protokollkategorie oder ihren letzten Teil (swarm, peer, transfer, agent, discovery…)
</translation>
    </message>
    <message>
        <source>usage: doctl create-metainfo FILE --webseed URL [--webseed URL]… [--piece-size BYTES] [--announce URL] -o OUT.torrent
</source>
        <translation>Aufruf: doctl create-metainfo FILE --webseed URL [--webseed URL]… [--piece-size BYTES] [--announce URL] -o OUT.torrent
</translation>
    </message>
    <message>
        <source>usage: doctl publish FILE --webseed URL [--webseed URL]… [--piece-size BYTES] --discovery URL [--token TOKEN] [-o OUT.torrent] [--json]
       doctl publish --metainfo IN.torrent --discovery URL [--token TOKEN] [--json]
  --token (or OPENDO_PUBLISH_TOKEN): the service&apos;s --publish-token; without one the
  service accepts publishing only from its own host.
</source>
        <translation>Aufruf: doctl publish FILE --webseed URL [--webseed URL]… [--piece-size BYTES] --discovery URL [--token TOKEN] [-o OUT.torrent] [--json]
        doctl publish --metainfo IN.torrent --discovery URL [--token TOKEN] [--json]
  --token (oder OPENDO_PUBLISH_TOKEN): das --publish-token des Dienstes; ohne Token nimmt der
  Dienst Veröffentlichungen nur vom eigenen Host an.
</translation>
    </message>
    <message>
        <source>--piece-size needs a number of bytes</source>
        <translation>--piece-size benötigt eine Anzahl von Bytes</translation>
    </message>
    <message>
        <source>content id %1, %2 pieces of %3 bytes, written to %4</source>
        <translation>Inhalts-ID %1, %2 Stücke zu je %3 Bytes, geschrieben nach %4</translation>
    </message>
    <message>
        <source>publishing to %1 failed: %2</source>
        <translation>Veröffentlichen bei %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>published %1 as content id %2</source>
        <translation>%1 als Inhalts-ID %2 veröffentlicht</translation>
    </message>
    <message>
        <source>agents asked for %1 now get verifiable, peerable pieces</source>
        <translation>Agents, die %1 herunterladen sollen, erhalten jetzt überprüfbare Stücke, die Peers teilen können</translation>
    </message>
    <message>
        <source>%1 no longer points at content id %2</source>
        <translation>%1 verweist nicht mehr auf die Inhalts-ID %2</translation>
    </message>
    <message>
        <source>usage: doctl peers [--json]
</source>
        <translation>Aufruf: doctl peers [--json]
</translation>
    </message>
    <message>
        <source>Download mode: %1</source>
        <translation>Downloadmodus: %1</translation>
    </message>
    <message>
        <source>(configured %1; %2)</source>
        <translation>(konfiguriert %1; %2)</translation>
    </message>
    <message>
        <source>Discovery: %1</source>
        <translation>Erkennungsdienst: %1</translation>
    </message>
    <message>
        <source>, sees us as %1</source>
        <translation>, sieht uns als %1</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>group id %1 from %2</source>
        <translation>Gruppen-ID %1 aus %2</translation>
    </message>
    <message>
        <source>Listening: %1</source>
        <translation>Empfangsadresse: %1</translation>
    </message>
    <message>
        <source>no</source>
        <comment>not listening</comment>
        <translation>keine</translation>
    </message>
    <message>
        <source>Peering: %1</source>
        <translation>Peering: %1</translation>
    </message>
    <message>
        <source>Offered by discovery: %1</source>
        <translation>Vom Erkennungsdienst angeboten: %1</translation>
    </message>
    <message>
        <source>Connections: %1</source>
        <translation>Verbindungen: %1</translation>
    </message>
    <message>
        <source>received %1  sent %2</source>
        <translation>empfangen %1  gesendet %2</translation>
    </message>
    <message>
        <source>usage: doctl perfsnap [--month] [--json]
  the device-wide snapshot, or with --month this month&apos;s downloads by
  source and uploads by peer class
</source>
        <translation>Aufruf: doctl perfsnap [--month] [--json]
  die Momentaufnahme des ganzen Geräts oder mit --month die Downloads dieses Monats
  nach Quelle und die Uploads nach Peer-Klasse
</translation>
    </message>
    <message>
        <source>the agent published no statistics yet</source>
        <translation>der Agent hat noch keine Statistik veröffentlicht</translation>
    </message>
    <message>
        <source>no downloads</source>
        <translation>keine Downloads</translation>
    </message>
    <message>
        <source>there is no download job %1 (see: doctl status)</source>
        <translation>es gibt keinen Downloadauftrag %1 (siehe: doctl status)</translation>
    </message>
    <message>
        <source>%1 matches more than one download job (see: doctl status)</source>
        <translation>%1 passt auf mehr als einen Downloadauftrag (siehe: doctl status)</translation>
    </message>
    <message>
        <source>usage: doctl troubleshoot [--p2p] [--cache-server] [--json] [--peer ADDR:PORT] [--url URL]
                          [--download JOBID] [--timeout SECONDS]
       doctl troubleshoot --bundle FILE
  --p2p            device, connection and peer checks (default: every check)
  --cache-server   device, connection and cache-server checks
  --peer ADDR:PORT also test a TCP connection to that peer
  --url URL        test byte-range support of this origin (default: latest download&apos;s)
  --download JOBID trace only this download&apos;s way to its peer share
  --bundle FILE    write the support bundle (.tar.gz) instead
exit status: 0 no check failed, 1 a check failed, 2 usage error
</source>
        <translation>Aufruf: doctl troubleshoot [--p2p] [--cache-server] [--json] [--peer ADDR:PORT] [--url URL]
                           [--download JOBID] [--timeout SECONDS]
        doctl troubleshoot --bundle FILE
  --p2p            Geräte-, Verbindungs- und Peer-Prüfungen (Standard: alle Prüfungen)
  --cache-server   Geräte-, Verbindungs- und Cacheserver-Prüfungen
  --peer ADDR:PORT zusätzlich eine TCP-Verbindung zu diesem Peer testen
  --url URL        Bytebereiche dieses Ursprungsservers testen (Standard: der des letzten Downloads)
  --download JOBID nur den Weg dieses Downloads bis zur Freigabe für Peers verfolgen
  --bundle FILE    stattdessen das Supportpaket (.tar.gz) schreiben
Exit-Status: 0 keine Prüfung fehlgeschlagen, 1 eine Prüfung fehlgeschlagen, 2 Aufruffehler
</translation>
    </message>
    <message>
        <source>fix: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
    <message>
        <source>Download %1 (%2)</source>
        <translation>Download %1 (%2)</translation>
    </message>
    <message>
        <source>ok</source>
        <comment>a passed step</comment>
        <translation>ok</translation>
    </message>
    <message>
        <source>NO</source>
        <comment>a failed step</comment>
        <translation>NEIN</translation>
    </message>
    <message>
        <source>%1 passed, %2 warning(s), %3 failed (%4 ms)</source>
        <translation>%1 bestanden, %2 Warnung(en), %3 fehlgeschlagen (%4 ms)</translation>
    </message>
    <message>
        <source>Support bundle written to %1</source>
        <translation>Supportpaket nach %1 geschrieben</translation>
    </message>
    <message>
        <source>--timeout must be 1 to 120 seconds, not &quot;%1&quot;</source>
        <translation>--timeout muss 1 bis 120 Sekunden betragen, nicht „%1“</translation>
    </message>
    <message>
        <source>--proxy is ignored: the agent running on %1 uses its own proxy settings</source>
        <translation>--proxy wird ignoriert: Der Agent, der auf %1 läuft, verwendet seine eigenen Proxy-Einstellungen</translation>
    </message>
    <message>
        <source>Banned: %1</source>
        <translation>Gesperrt: %1</translation>
    </message>
    <message>
        <source>The cache is empty.</source>
        <translation>Der Cache ist leer.</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>angeheftet</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in Verwendung</translation>
    </message>
    <message>
        <source>HTTP only</source>
        <translation>Nur HTTP</translation>
    </message>
    <message>
        <source>%1 of %2 here (%3 %)</source>
        <translation>%1 von %2 vorhanden (%3 %)</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>läuft ab %1</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>kein Ablauf</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 in the cache</source>
        <translation>
            <numerusform>%n Datei, %1 im Cache</numerusform>
            <numerusform>%n Dateien, %1 im Cache</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; matches more than one cached file; give more of the id</source>
        <translation>„%1“ passt auf mehr als eine zwischengespeicherte Datei; geben Sie mehr von der ID an</translation>
    </message>
    <message>
        <source>no cached file has the id &quot;%1&quot; (a shortened id needs at least %2 characters)</source>
        <translation>keine zwischengespeicherte Datei hat die ID „%1“ (eine gekürzte ID braucht mindestens %2 Zeichen)</translation>
    </message>
    <message>
        <source>no cached file has the id &quot;%1&quot; (see: doctl cache list)</source>
        <translation>keine zwischengespeicherte Datei hat die ID „%1“ (siehe: doctl cache list)</translation>
    </message>
    <message>
        <source>pinned %1 (%2): it stays in the cache until unpinned</source>
        <translation>%1 (%2) angeheftet: bleibt im Cache, bis die Anheftung gelöst wird</translation>
    </message>
    <message>
        <source>unpinned %1 (%2): DOMaxCacheAge and the size limits apply again</source>
        <translation>Anheftung von %1 (%2) gelöst: DOMaxCacheAge und die Größengrenzen gelten wieder</translation>
    </message>
    <message>
        <source>a download is using it</source>
        <translation>ein Download verwendet sie</translation>
    </message>
    <message>
        <source>pinned (add --include-pinned)</source>
        <translation>angeheftet (--include-pinned hinzufügen)</translation>
    </message>
    <message>
        <source>deleted %1 (%2)</source>
        <translation>%1 (%2) gelöscht</translation>
    </message>
    <message>
        <source>kept %1 (%2): %3</source>
        <translation>%1 (%2) behalten: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) deleted</source>
        <translation>
            <numerusform>%n Datei gelöscht</numerusform>
            <numerusform>%n Dateien gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 freed</source>
        <translation>%1 freigegeben</translation>
    </message>
    <message numerus="yes">
        <source>%n kept</source>
        <translation>
            <numerusform>%n behalten</numerusform>
            <numerusform>%n behalten</numerusform>
        </translation>
    </message>
    <message>
        <source>usage: doctl cache [list] [--json]
       doctl cache pin|unpin FILEID
       doctl cache expire [FILEID] --on DATE
       doctl cache delete [FILEID] [--include-pinned]
FILEID is a file id from the list, or enough of its start to tell it apart.
expire keeps one file (without FILEID: every cached file) at least until DATE
(2026-12-31 or 2026-12-31T18:00, at most a year ahead), as ExpireOn does.
delete without FILEID removes every cached file that is neither pinned (unless
--include-pinned) nor in use by a download.
</source>
        <translation>Aufruf: doctl cache [list] [--json]
        doctl cache pin|unpin FILEID
        doctl cache expire [FILEID] --on DATE
        doctl cache delete [FILEID] [--include-pinned]
FILEID ist eine Datei-ID aus der Liste oder so viel von ihrem Anfang, dass sie eindeutig ist.
expire behält eine Datei (ohne FILEID: jede zwischengespeicherte Datei) mindestens bis DATE
(2026-12-31 oder 2026-12-31T18:00, höchstens ein Jahr im Voraus), wie ExpireOn.
delete ohne FILEID entfernt jede zwischengespeicherte Datei, die weder angeheftet ist (außer mit
--include-pinned) noch von einem Download verwendet wird.
</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (2026-12-31) or a date and time (2026-12-31T18:00)</source>
        <translation>„%1“ ist kein Datum (2026-12-31) und kein Datum mit Uhrzeit (2026-12-31T18:00)</translation>
    </message>
    <message>
        <source>every cached file stays at least until %1</source>
        <translation>jede zwischengespeicherte Datei bleibt mindestens bis %1</translation>
    </message>
    <message>
        <source>%1 stays at least until %2</source>
        <translation>%1 bleibt mindestens bis %2</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>  in the foreground</source>
        <translation>  im Vordergrund</translation>
    </message>
    <message>
        <source>Minimum size to use peers (DOMinFileSizeToCache)</source>
        <translation>Mindestgröße für Peers (DOMinFileSizeToCache)</translation>
    </message>
    <message>
        <source>Could use peers</source>
        <translation>Konnten Peers nutzen</translation>
    </message>
    <message>
        <source>  not: no metainfo (HTTP only)</source>
        <translation>  nicht: keine Metainfo (nur HTTP)</translation>
    </message>
    <message>
        <source>  not: below the minimum size</source>
        <translation>  nicht: unter der Mindestgröße</translation>
    </message>
    <message>
        <source>  not: download mode without peers</source>
        <translation>  nicht: Downloadmodus ohne Peers</translation>
    </message>
    <message>
        <source>Got bytes from peers</source>
        <translation>Bytes von Peers erhalten</translation>
    </message>
    <message>
        <source>From peers, all downloads</source>
        <translation>Von Peers, alle Downloads</translation>
    </message>
    <message>
        <source>From peers, downloads that could use them</source>
        <translation>Von Peers, Downloads, die sie nutzen konnten</translation>
    </message>
    <message>
        <source>From peers, downloads that got any</source>
        <translation>Von Peers, Downloads mit Peer-Bytes</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>ended %1, protocol broken: %2</source>
        <translation>beendet %1, Protokoll verletzt: %2</translation>
    </message>
    <message>
        <source>ended %1: %2</source>
        <translation>beendet %1: %2</translation>
    </message>
    <message>
        <source>no peer connections in the last %1 days</source>
        <translation>keine Peer-Verbindungen in den letzten %1 Tagen</translation>
    </message>
    <message>
        <source>File %1</source>
        <translation>Datei %1</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>usage: doctl analysis [--list-connections] [--json]
</source>
        <translation>Aufruf: doctl analysis [--list-connections] [--json]
</translation>
    </message>
    <message>
        <source>usage: doctl [--data-dir DIR] [--proxy URL] &lt;command&gt; …
commands:
  config            list, get, set, reset, import and export DO settings
  download          download a URL or a metainfo file and print its status
  status            list the downloads: status [--json] [JOBID]
  perfsnap          device snapshot, or this month&apos;s bytes: perfsnap [--month] [--json]
  log               the agent&apos;s recent log: log [--follow] [--json] [--level L] …
  peers             download mode in effect, discovery, offered peers, connections
  cache             cached files: cache [list|pin|unpin|expire|delete] [FILEID] [--json]
  analysis          how many downloads could use peers, how many did, the share of bytes;
                    --list-connections: each peer connection, its bytes, how it ended
  troubleshoot      health, connection and peer checks with remedies; --bundle FILE
  create-metainfo   make a .torrent (BEP 52 hybrid) with web seeds for a file
  publish           make (or take) a .torrent and register it with a discovery service
run a command without arguments for its usage.
While an agent (do-agent, the console) runs on DIR, the commands run in that agent; otherwise
doctl starts its own for the command. --proxy applies to doctl&apos;s own agent only.
</source>
        <translation>Aufruf: doctl [--data-dir DIR] [--proxy URL] &lt;Befehl&gt; …
Befehle:
  config            DO-Einstellungen auflisten, lesen, setzen, zurücksetzen, importieren, exportieren
  download          eine URL oder Metainfo-Datei herunterladen und ihren Status ausgeben
  status            die Downloads auflisten: status [--json] [JOBID]
  perfsnap          Gerätemomentaufnahme oder Bytes dieses Monats: perfsnap [--month] [--json]
  log               das aktuelle Protokoll des Agenten: log [--follow] [--json] [--level L] …
  peers             gültiger Downloadmodus, Erkennung, angebotene Peers, Verbindungen
  cache             zwischengespeicherte Dateien: cache [list|pin|unpin|expire|delete] [FILEID] [--json]
  analysis          wie viele Downloads Peers nutzen konnten, wie viele es taten, Anteil der Bytes;
                    --list-connections: jede Peer-Verbindung, ihre Bytes, wie sie endete
  troubleshoot      Zustands-, Verbindungs- und Peer-Prüfungen mit Abhilfen; --bundle FILE
  create-metainfo   eine .torrent-Datei (BEP-52-Hybrid) mit Webseeds für eine Datei erstellen
  publish           eine .torrent-Datei erstellen (oder nehmen) und bei einem Erkennungsdienst registrieren
Einen Befehl ohne Argumente aufrufen, um seine Verwendung zu sehen.
Läuft ein Agent (do-agent, die Konsole) auf DIR, laufen die Befehle in diesem Agenten; sonst
startet doctl für den Befehl einen eigenen. --proxy gilt nur für den eigenen Agenten von doctl.
</translation>
    </message>
    <message>
        <source>Local discovery (DNS-SD): %1</source>
        <translation>Lokale Erkennung (DNS-SD): %1</translation>
    </message>
    <message>
        <source>off (download mode without peers)</source>
        <translation>aus (Downloadmodus ohne Peers)</translation>
    </message>
    <message>
        <source>UDP %1 on %2</source>
        <translation>UDP %1 auf %2</translation>
    </message>
    <message>
        <source>answering, %1; peers are not restricted to it</source>
        <translation>antwortet, %1; Peers sind nicht darauf beschränkt</translation>
    </message>
    <message>
        <source>only peers found here are used (DORestrictPeerSelectionBy 2), %1; found %2</source>
        <translation>nur hier gefundene Peers werden verwendet (DORestrictPeerSelectionBy 2), %1; gefunden: %2</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Unreachable in the last hour: %1</source>
        <translation>In der letzten Stunde nicht erreichbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s), last %1: %2</source>
        <translation>
            <numerusform>%n Versuch, zuletzt %1: %2</numerusform>
            <numerusform>%n Versuche, zuletzt %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>asking for cache servers only, %1</source>
        <translation>fragt nur nach Cache-Servern, %1</translation>
    </message>
    <message>
        <source>Cache servers announced here (DNS-SD): %1</source>
        <translation>Hier angekündigte Cache-Server (DNS-SD): %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>upload delay %1 ms (window %2 bytes)</source>
        <translation>Upload-Verzögerung %1 ms (Fenster %2 Bytes)</translation>
    </message>
    <message>
        <source>assigns cache servers %1</source>
        <translation>weist die Cache-Server %1 zu</translation>
    </message>
</context>
<context>
    <name>opendo::agent</name>
    <message>
        <source>Peers every download tries (ADDR:PORT, comma-separated), in addition to those discovery finds.</source>
        <translation>Peers, die jeder Download zusätzlich zu den über die Peererkennung gefundenen versucht (ADRESSE:PORT, durch Kommas getrennt).</translation>
    </message>
    <message>
        <source>%1 is not an OpenDO agent setting.</source>
        <translation>%1 ist keine Einstellung des OpenDO-Agents.</translation>
    </message>
    <message>
        <source>Base URL of the discovery service (http://HOST:PORT). Empty: the console&apos;s built-in service, or none for a headless agent.</source>
        <translation>Basis-URL des Erkennungsdienstes (http://HOST:PORT). Leer: der eingebaute Dienst der Konsole, bei einem Agent ohne Oberfläche keiner.</translation>
    </message>
    <message>
        <source>Active Directory site name; the group id when DOGroupIdSource is 1 (or unset).</source>
        <translation>Name des Active-Directory-Standorts; die Gruppen-ID, wenn DOGroupIdSource 1 (oder nicht gesetzt) ist.</translation>
    </message>
    <message>
        <source>Authenticated domain SID; the group id when DOGroupIdSource is 2.</source>
        <translation>SID der authentifizierten Domäne; die Gruppen-ID, wenn DOGroupIdSource 2 ist.</translation>
    </message>
    <message>
        <source>Microsoft Entra tenant id; the group id when DOGroupIdSource is 5.</source>
        <translation>Microsoft-Entra-Mandanten-ID; die Gruppen-ID, wenn DOGroupIdSource 5 ist.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an http:// or https:// URL with a host, e.g. http://192.0.2.10:7681.</source>
        <translation>%1: „%2“ ist keine http://- oder https://-URL mit Host, z. B. http://192.0.2.10:7681.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an absolute path, e.g. /var/lib/dhcp.</source>
        <translation>%1: „%2“ ist kein absoluter Pfad, z. B. /var/lib/dhcp.</translation>
    </message>
    <message>
        <source>Folders with the DHCP client&apos;s lease files (comma-separated), read for DHCP options 234 (group id) and 235 (cache servers). Empty: the folders of dhclient, NetworkManager, systemd-networkd and dhcpcd.</source>
        <translation>Ordner mit den Lease-Dateien des DHCP-Clients (durch Kommas getrennt), aus denen die DHCP-Optionen 234 (Gruppen-ID) und 235 (Cacheserver) gelesen werden. Leer: die Ordner von dhclient, NetworkManager, systemd-networkd und dhcpcd.</translation>
    </message>
    <message>
        <source>UDP port of multicast DNS for local peer discovery (DORestrictPeerSelectionBy 2). Empty: 5353, the standard port; only agents on the same port find each other.</source>
        <translation>UDP-Port von Multicast-DNS für die lokale Peererkennung (DORestrictPeerSelectionBy 2). Leer: 5353, der Standardport; nur Agents auf demselben Port finden einander.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a UDP port number (1-65535).</source>
        <translation>%1: „%2“ ist keine UDP-Portnummer (1–65535).</translation>
    </message>
</context>
<context>
    <name>opendo::agent::AgentEngine</name>
    <message>
        <source>Cannot open the agent database: %1</source>
        <translation>Die Agent-Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the policy settings: %1</source>
        <translation>Die Richtlinieneinstellungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The agent is not running.</source>
        <translation>Der Agent wird nicht ausgeführt.</translation>
    </message>
    <message>
        <source>%1: unknown file type; use .reg, .pol, .xml (SyncML) or .json.</source>
        <translation>%1: Unbekannter Dateityp; verwenden Sie .reg, .pol, .xml (SyncML) oder .json.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the file is %2 bytes; policy files over %3 bytes are refused.</source>
        <translation>%1: Die Datei ist %2 Bytes groß; Richtliniendateien über %3 Bytes werden abgelehnt.</translation>
    </message>
    <message>
        <source>Cannot create the cache folder %1.</source>
        <translation>Der Cacheordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot read the download queue: %1</source>
        <translation>Die Download-Warteschlange kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>There is no download job %1.</source>
        <translation>Es gibt keinen Downloadauftrag %1.</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Der Datenordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Another agent (%1, process %2) is using the data folder %3; stop it or use another --data-dir.</source>
        <translation>Ein anderer Agent (%1, Prozess %2) verwendet den Datenordner %3; beenden Sie ihn oder verwenden Sie ein anderes --data-dir.</translation>
    </message>
    <message>
        <source>Listen address: %1</source>
        <translation>Listen-Adresse: %1</translation>
    </message>
    <message>
        <source>Cannot read the agent settings: %1</source>
        <translation>Die Agent-Einstellungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Static peer: %1</source>
        <translation>Statischer Peer: %1</translation>
    </message>
    <message>
        <source>A download is using %1; cancel it first.</source>
        <translation>Ein Download verwendet %1; brechen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <source>%1 is pinned; unpin it before evicting it.</source>
        <translation>%1 ist angeheftet; lösen Sie den Inhalt, bevor Sie ihn entfernen.</translation>
    </message>
    <message>
        <source>evicted by the user</source>
        <translation>vom Benutzer entfernt</translation>
    </message>
    <message>
        <source>ExpireOn must lie between now and %1 days ahead (%2 given).</source>
        <translation>ExpireOn muss zwischen jetzt und %1 Tagen im Voraus liegen (angegeben: %2).</translation>
    </message>
    <message>
        <source>no valid time</source>
        <translation>keine gültige Zeit</translation>
    </message>
    <message>
        <source>the cache folder moves to %1</source>
        <translation>der Cache-Ordner zieht nach %1 um</translation>
    </message>
    <message>
        <source>DOModifyCacheDrive names %1, but %2; the cache stays in %3.</source>
        <translation>DOModifyCacheDrive nennt %1, aber %2; der Cache bleibt in %3.</translation>
    </message>
    <message>
        <source>Cannot open the cache index: %1</source>
        <translation>Der Cache-Index lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>The cache is being copied to %1; evict once the move is done.</source>
        <translation>Der Cache wird gerade nach %1 kopiert; entfernen Sie Inhalte, sobald der Umzug abgeschlossen ist.</translation>
    </message>
    <message>
        <source>the cache to finish copying to %1</source>
        <translation>den Abschluss des Cache-Kopierens nach %1</translation>
    </message>
</context>
<context>
    <name>opendo::agent::DiscoveryLink</name>
    <message>
        <source>discovery service %1 is unreachable (%2)</source>
        <translation>Erkennungsdienst %1 ist nicht erreichbar (%2)</translation>
    </message>
</context>
<context>
    <name>opendo::cache</name>
    <message>
        <source>smaller than DOMinFileSizeToCache (%1 MB)</source>
        <translation>kleiner als DOMinFileSizeToCache (%1 MB)</translation>
    </message>
    <message>
        <source>older than DOMaxCacheAge (%1 s)</source>
        <translation>älter als DOMaxCacheAge (%1 s)</translation>
    </message>
    <message>
        <source>cache over its size limit (DOAbsoluteMaxCacheSize %1 GB)</source>
        <translation>Cache über seinem Größenlimit (DOAbsoluteMaxCacheSize %1 GB)</translation>
    </message>
    <message>
        <source>cache over its size limit (DOMaxCacheSize %1 % of a %2 GB drive)</source>
        <translation>Cache über seinem Größenlimit (DOMaxCacheSize %1 % eines Laufwerks mit %2 GB)</translation>
    </message>
    <message>
        <source>No space left on the cache drive writing %1 at offset %2: %3</source>
        <translation>Kein Speicherplatz mehr auf dem Cache-Laufwerk beim Schreiben von %1 an Offset %2: %3</translation>
    </message>
    <message>
        <source>Cannot %1 %2 at offset %3: %4</source>
        <translation>Vorgang „%1“ für %2 an Offset %3 fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>past the ExpireOn set for it (%1)</source>
        <translation>nach dem dafür gesetzten ExpireOn (%1)</translation>
    </message>
    <message>
        <source>the folder %1 cannot be created</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1 is not writable: %2</source>
        <translation>%1 ist nicht beschreibbar: %2</translation>
    </message>
    <message>
        <source>%1 already exists and holds files the cache did not write</source>
        <translation>%1 existiert bereits und enthält Dateien, die nicht vom Cache stammen</translation>
    </message>
    <message>
        <source>its folder %1 was missing</source>
        <translation>sein Ordner %1 fehlte</translation>
    </message>
    <message>
        <source>the cache folder moved to %1 and this content could not follow: %2</source>
        <translation>der Cache-Ordner ist nach %1 umgezogen und dieser Inhalt konnte nicht folgen: %2</translation>
    </message>
    <message>
        <source>no space left on the drive of %1</source>
        <translation>kein Speicherplatz mehr auf dem Laufwerk von %1</translation>
    </message>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>der Ordner von %1 lässt sich nicht anlegen</translation>
    </message>
    <message>
        <source>the cache holds %1 MB but only %2 MB is free on the drive of %3</source>
        <translation>der Cache umfasst %1 MB, auf dem Laufwerk von %3 sind aber nur %2 MB frei</translation>
    </message>
    <message>
        <source>its data file was missing</source>
        <translation>seine Datendatei fehlte</translation>
    </message>
</context>
<context>
    <name>opendo::console</name>
    <message>
        <source>OpenDO console: Delivery Optimization administration with an embedded agent.</source>
        <translation>OpenDO-Konsole: Verwaltung der Übermittlungsoptimierung mit eingebettetem Agent.</translation>
    </message>
    <message>
        <source>Agent data directory (database and cache).</source>
        <translation>Datenverzeichnis des Agents (Datenbank und Cache).</translation>
    </message>
    <message>
        <source>User interface language (en, de); overrides the setting.</source>
        <translation>Sprache der Benutzeroberfläche (en, de); hat Vorrang vor der Einstellung.</translation>
    </message>
    <message>
        <source>Panel to show first.</source>
        <translation>Zuerst angezeigter Bereich.</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; use en or de.</source>
        <translation>Unbekannte Sprache „%1“; verwenden Sie en oder de.</translation>
    </message>
    <message>
        <source>Policy editor</source>
        <translation>Richtlinien-Editor</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Peers</translation>
    </message>
    <message>
        <source>Use this discovery service (http://HOST:PORT) instead of the built-in one.</source>
        <translation>Diesen Erkennungsdienst (http://HOST:PORT) statt des eingebauten verwenden.</translation>
    </message>
    <message>
        <source>Address and port of the built-in discovery service (default 127.0.0.1:7681; another free port if taken).</source>
        <translation>Adresse und Port des eingebauten Erkennungsdienstes (Standard 127.0.0.1:7681; ist er belegt, ein anderer freier Port).</translation>
    </message>
    <message>
        <source>Address and port peers connect to (default 0.0.0.0:7680).</source>
        <translation>Adresse und Port, mit denen sich Peers verbinden (Standard 0.0.0.0:7680).</translation>
    </message>
    <message>
        <source>Save a picture of every panel into DIR, then quit.</source>
        <translation>Ein Bild jedes Bereichs im Verzeichnis DIR speichern und dann beenden.</translation>
    </message>
    <message>
        <source>Seconds to wait before --screenshots (default 10).</source>
        <translation>Sekunden, die vor --screenshots gewartet wird (Standard 10).</translation>
    </message>
    <message>
        <source>--screenshots-after needs a number of seconds.</source>
        <translation>--screenshots-after erfordert eine Anzahl Sekunden.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Byte sources</source>
        <translation>Bytequellen</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Activity monitor</source>
        <translation>Aktivitätsmonitor</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Troubleshooting</source>
        <translation>Problembehandlung</translation>
    </message>
    <message>
        <source>Peer-savings demo</source>
        <translation>Peer-Einsparungsdemo</translation>
    </message>
    <message>
        <source>Agent settings</source>
        <translation>Agent-Einstellungen</translation>
    </message>
</context>
<context>
    <name>opendo::content</name>
    <message numerus="yes">
        <source>%n unexpected byte(s) after the end of the value</source>
        <translation>
            <numerusform>%n unerwartetes Byte nach dem Ende des Werts</numerusform>
            <numerusform>%n unerwartete Bytes nach dem Ende des Werts</numerusform>
        </translation>
    </message>
    <message>
        <source>Invalid bencode at byte %1: %2</source>
        <translation>Ungültiges Bencode bei Byte %1: %2</translation>
    </message>
    <message>
        <source>more than %1 values</source>
        <translation>mehr als %1 Werte</translation>
    </message>
    <message>
        <source>unexpected end of data where a value should start</source>
        <translation>unerwartetes Datenende, wo ein Wert beginnen sollte</translation>
    </message>
    <message>
        <source>lists and dictionaries nested deeper than %1 levels</source>
        <translation>Listen und Dictionarys tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>unexpected byte 0x%1 where a value should start</source>
        <translation>unerwartetes Byte 0x%1, wo ein Wert beginnen sollte</translation>
    </message>
    <message>
        <source>unexpected end of data inside an integer</source>
        <translation>unerwartetes Datenende innerhalb einer Ganzzahl</translation>
    </message>
    <message>
        <source>empty integer</source>
        <translation>leere Ganzzahl</translation>
    </message>
    <message>
        <source>unexpected byte 0x%1 inside an integer</source>
        <translation>unerwartetes Byte 0x%1 innerhalb einer Ganzzahl</translation>
    </message>
    <message>
        <source>integer with a leading zero</source>
        <translation>Ganzzahl mit führender Null</translation>
    </message>
    <message>
        <source>integer does not fit in 64 bits</source>
        <translation>Ganzzahl passt nicht in 64 Bit</translation>
    </message>
    <message>
        <source>negative zero</source>
        <translation>negative Null</translation>
    </message>
    <message>
        <source>byte string length with a leading zero</source>
        <translation>Bytestring-Länge mit führender Null</translation>
    </message>
    <message>
        <source>byte string length runs past the end of the data</source>
        <translation>Bytestring-Länge reicht über das Datenende hinaus</translation>
    </message>
    <message>
        <source>unexpected end of data inside a byte string length</source>
        <translation>unerwartetes Datenende innerhalb einer Bytestring-Länge</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after a byte string length, found 0x%1</source>
        <translation>&apos;:&apos; nach einer Bytestring-Länge erwartet, aber 0x%1 gefunden</translation>
    </message>
    <message>
        <source>byte string of %1 bytes runs past the end of the data (%2 left)</source>
        <translation>Bytestring mit %1 Bytes reicht über das Datenende hinaus (noch %2 übrig)</translation>
    </message>
    <message>
        <source>unterminated list (started at byte %1)</source>
        <translation>nicht abgeschlossene Liste (begonnen bei Byte %1)</translation>
    </message>
    <message>
        <source>unterminated dictionary (started at byte %1)</source>
        <translation>nicht abgeschlossenes Dictionary (begonnen bei Byte %1)</translation>
    </message>
    <message>
        <source>dictionary key is not a byte string</source>
        <translation>Dictionary-Schlüssel ist kein Bytestring</translation>
    </message>
    <message>
        <source>duplicate dictionary key %1</source>
        <translation>doppelter Dictionary-Schlüssel %1</translation>
    </message>
    <message>
        <source>dictionary key %1 is out of order (after %2)</source>
        <translation>Dictionary-Schlüssel %1 ist falsch sortiert (steht nach %2)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is %2 bytes; metainfo files over %3 bytes are refused</source>
        <translation>%1 ist %2 Bytes groß; Metainfo-Dateien über %3 Bytes werden abgelehnt</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>der Name ist leer</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; contains a path separator</source>
        <translation>der Name „%1“ enthält ein Pfadtrennzeichen</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; refers to a directory, not a file</source>
        <translation>der Name „%1“ bezeichnet ein Verzeichnis, keine Datei</translation>
    </message>
    <message>
        <source>the name contains control character 0x%1</source>
        <translation>der Name enthält das Steuerzeichen 0x%1</translation>
    </message>
    <message>
        <source>the name is %1 bytes long; at most 255 are allowed</source>
        <translation>der Name ist %1 Bytes lang; zulässig sind höchstens 255</translation>
    </message>
    <message>
        <source>the piece length %1 is not a power of two between %2 and %3 bytes</source>
        <translation>die Stückgröße %1 ist keine Zweierpotenz zwischen %2 und %3 Bytes</translation>
    </message>
    <message>
        <source>the web seed &quot;%1&quot; is not an absolute URL</source>
        <translation>der Webseed „%1“ ist keine absolute URL</translation>
    </message>
    <message>
        <source>the web seed &quot;%1&quot; is not an http or https URL</source>
        <translation>der Webseed „%1“ ist keine http- oder https-URL</translation>
    </message>
    <message>
        <source>the announce URL &quot;%1&quot; is not an http, https or udp URL</source>
        <translation>die Announce-URL „%1“ ist keine http-, https- oder udp-URL</translation>
    </message>
    <message>
        <source>Invalid metainfo: %1</source>
        <translation>Ungültige Metainfo: %1</translation>
    </message>
    <message>
        <source>%1 has no %2</source>
        <translation>%2 fehlt %1</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine Ganzzahl</translation>
    </message>
    <message>
        <source>a byte string</source>
        <translation>ein Bytestring</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a dictionary</source>
        <translation>ein Dictionary</translation>
    </message>
    <message>
        <source>%1 in %2 is not %3</source>
        <translation>%1 %2 muss %3 sein</translation>
    </message>
    <message>
        <source>the file length %1 in %2 is outside 0 to 2^50 - 1 bytes</source>
        <translation>die Dateilänge %1 %2 liegt außerhalb von 0 bis 2^50 - 1 Bytes</translation>
    </message>
    <message>
        <source>%1 bytes is larger than the %2 bytes allowed</source>
        <translation>%1 Bytes sind mehr als die zulässigen %2 Bytes</translation>
    </message>
    <message>
        <source>the top level is not a dictionary</source>
        <translation>die oberste Ebene ist kein Dictionary</translation>
    </message>
    <message>
        <source>the metainfo</source>
        <translation>in der Metainfo</translation>
    </message>
    <message>
        <source>hashing failed</source>
        <translation>Hashberechnung fehlgeschlagen</translation>
    </message>
    <message>
        <source>the info dictionary</source>
        <translation>im Info-Dictionary</translation>
    </message>
    <message>
        <source>it describes several files (&quot;files&quot;); only single-file content is supported</source>
        <translation>sie beschreibt mehrere Dateien (&quot;files&quot;); unterstützt werden nur Inhalte aus einer einzelnen Datei</translation>
    </message>
    <message>
        <source>unsupported &quot;meta version&quot; %1</source>
        <translation>nicht unterstützte &quot;meta version&quot; %1</translation>
    </message>
    <message>
        <source>the info dictionary has neither &quot;pieces&quot; (v1) nor &quot;meta version&quot; 2 (v2)</source>
        <translation>das Info-Dictionary enthält weder &quot;pieces&quot; (v1) noch &quot;meta version&quot; 2 (v2)</translation>
    </message>
    <message>
        <source>the name is not UTF-8</source>
        <translation>der Name ist kein UTF-8</translation>
    </message>
    <message>
        <source>&quot;pieces&quot; holds %1 bytes, but a %2-byte file in %3-byte pieces has %4 pieces and needs %5 (20 per piece)</source>
        <translation>&quot;pieces&quot; enthält %1 Bytes, aber eine Datei mit %2 Bytes hat bei einer Stückgröße von %3 Bytes %4 Stücke und benötigt %5 (20 pro Stück)</translation>
    </message>
    <message>
        <source>the file tree is empty</source>
        <translation>der Dateibaum ist leer</translation>
    </message>
    <message>
        <source>the file tree holds several files or a directory; only single-file content is supported</source>
        <translation>der Dateibaum enthält mehrere Dateien oder ein Verzeichnis; unterstützt werden nur Inhalte aus einer einzelnen Datei</translation>
    </message>
    <message>
        <source>the file tree names the file %1 but the info dictionary names it %2</source>
        <translation>der Dateibaum nennt die Datei %1, das Info-Dictionary aber %2</translation>
    </message>
    <message>
        <source>the file tree entry</source>
        <translation>im Dateibaumeintrag</translation>
    </message>
    <message>
        <source>the v1 length %1 and the v2 file tree length %2 disagree</source>
        <translation>die v1-Länge %1 und die Länge %2 im v2-Dateibaum stimmen nicht überein</translation>
    </message>
    <message>
        <source>&quot;pieces root&quot; is %1 bytes instead of 32</source>
        <translation>&quot;pieces root&quot; ist %1 statt 32 Bytes lang</translation>
    </message>
    <message>
        <source>&quot;piece layers&quot; has no entry for the file&apos;s pieces root</source>
        <translation>&quot;piece layers&quot; enthält keinen Eintrag für den Wurzelhash (pieces root) der Datei</translation>
    </message>
    <message>
        <source>the piece layer holds %1 bytes, but %2 pieces need %3 (32 per piece)</source>
        <translation>die Stückebene (piece layer) enthält %1 Bytes, aber %2 Stücke benötigen %3 (32 pro Stück)</translation>
    </message>
    <message>
        <source>the piece layer does not hash to the file&apos;s pieces root</source>
        <translation>der Hash der Stückebene (piece layer) ergibt nicht den Wurzelhash (pieces root) der Datei</translation>
    </message>
    <message>
        <source>&quot;url-list&quot; contains something other than a URL</source>
        <translation>&quot;url-list&quot; enthält etwas anderes als eine URL</translation>
    </message>
    <message>
        <source>&quot;url-list&quot; is neither a URL nor a list of URLs</source>
        <translation>&quot;url-list&quot; ist weder eine URL noch eine Liste von URLs</translation>
    </message>
    <message>
        <source>the announce URL &quot;%1&quot; is not a valid URL</source>
        <translation>die Announce-URL „%1“ ist keine gültige URL</translation>
    </message>
    <message>
        <source>the web seed &quot;%1&quot; is not a valid URL</source>
        <translation>der Webseed „%1“ ist keine gültige URL</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>%1 is empty; BitTorrent clients refuse metainfo for zero bytes</source>
        <translation>%1 ist leer; BitTorrent-Clients lehnen Metainfo für null Bytes ab</translation>
    </message>
    <message>
        <source>%1 is %2 bytes; files must be under 2^50</source>
        <translation>%1 ist %2 Bytes groß; Dateien müssen kleiner als 2^50 Bytes sein</translation>
    </message>
    <message>
        <source>Cannot name the content: %1</source>
        <translation>Der Inhalt kann nicht benannt werden: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1 changed while it was being hashed (expected %2 bytes, read %3)</source>
        <translation>%1 hat sich während der Hashberechnung geändert (%2 Bytes erwartet, %3 gelesen)</translation>
    </message>
</context>
<context>
    <name>opendo::demo::SavingsDemo</name>
    <message>
        <source>Device %1</source>
        <translation>Gerät %1</translation>
    </message>
    <message>
        <source>Cannot listen on %1: the demo needs the loopback range 127.0.0.0/8.</source>
        <translation>Auf %1 kann nicht empfangen werden: Die Demo benötigt den Loopback-Bereich 127.0.0.0/8.</translation>
    </message>
    <message>
        <source>Cannot create a folder for the demo in %1: %2</source>
        <translation>In %1 lässt sich kein Ordner für die Demo anlegen: %2</translation>
    </message>
    <message>
        <source>The demo&apos;s origin cannot listen: %1</source>
        <translation>Der Ursprungsserver der Demo kann nicht empfangen: %1</translation>
    </message>
    <message>
        <source>%1 cannot start: %2</source>
        <translation>%1 kann nicht starten: %2</translation>
    </message>
    <message>
        <source>%1 refused the demo&apos;s settings: %2</source>
        <translation>%1 hat die Einstellungen der Demo abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 cannot add the download: %2</source>
        <translation>%1 kann den Download nicht hinzufügen: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot write the demo file %1: %2</source>
        <translation>Die Demodatei %1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>The demo needs %1 MiB free in %2; the drive has %3 MiB. Choose fewer devices or a smaller file.</source>
        <translation>Die Demo benötigt %1 MiB freien Speicher in %2; das Laufwerk hat %3 MiB. Wählen Sie weniger Geräte oder eine kleinere Datei.</translation>
    </message>
</context>
<context>
    <name>opendo::diagnostics</name>
    <message>
        <source>%1 KB/s</source>
        <translation>%1 KB/s</translation>
    </message>
    <message>
        <source>Download rate now: %1</source>
        <translation>Aktuelle Downloadrate: %1</translation>
    </message>
    <message>
        <source>No download bandwidth limit applies now: downloads use what the network gives.</source>
        <translation>Derzeit gilt kein Bandbreitenlimit für Downloads: Downloads nutzen, was das Netzwerk hergibt.</translation>
    </message>
    <message>
        <source>To use less bandwidth, set DOPercentageMaxBackgroundBandwidth (e.g. 50) or DOMaxBackgroundDownloadBandwidth in KB/s.</source>
        <translation>Um weniger Bandbreite zu nutzen, legen Sie DOPercentageMaxBackgroundBandwidth (z. B. 50) oder DOMaxBackgroundDownloadBandwidth in KB/s fest.</translation>
    </message>
    <message>
        <source>In force now: background %1, foreground %2</source>
        <translation>Derzeit gültig: Hintergrund %1, Vordergrund %2</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Downloads run at the configured limit (%1).</source>
        <translation>Downloads laufen am konfigurierten Limit (%1).</translation>
    </message>
    <message>
        <source>If downloads are too slow, raise or clear the limit (%1 = 0 means no limit) or the matching percentage setting.</source>
        <translation>Wenn Downloads zu langsam sind, erhöhen oder entfernen Sie das Limit (%1 = 0 bedeutet kein Limit) oder die entsprechende Prozenteinstellung.</translation>
    </message>
    <message>
        <source>Bandwidth limits apply, and downloads are not held at them now.</source>
        <translation>Bandbreitenlimits sind festgelegt, bremsen die Downloads derzeit aber nicht.</translation>
    </message>
    <message>
        <source>%1: %2 % from %3:00 to %4:00, %5 % outside; now %6</source>
        <translation>%1: %2 % von %3:00 bis %4:00, %5 % außerhalb; jetzt %6</translation>
    </message>
    <message>
        <source>inside business hours</source>
        <translation>innerhalb der Geschäftszeiten</translation>
    </message>
    <message>
        <source>outside</source>
        <translation>außerhalb</translation>
    </message>
    <message>
        <source>No business-hours limits are set.</source>
        <translation>Es sind keine Limits für Geschäftszeiten festgelegt.</translation>
    </message>
    <message>
        <source>A business-hours limit is in force now.</source>
        <translation>Derzeit gilt ein Limit für Geschäftszeiten.</translation>
    </message>
    <message>
        <source>Business-hours limits are set but do not limit now.</source>
        <translation>Limits für Geschäftszeiten sind festgelegt, begrenzen derzeit aber nicht.</translation>
    </message>
    <message>
        <source>Downloads speed up outside business hours; to change that, edit DOSetHoursToLimitBackgroundDownloadBandwidth (and the Foreground one) in the policy editor (0 % = no limit).</source>
        <translation>Außerhalb der Geschäftszeiten werden Downloads schneller; um das zu ändern, bearbeiten Sie DOSetHoursToLimitBackgroundDownloadBandwidth (und die entsprechende Vordergrund-Einstellung) im Richtlinien-Editor (0 % = kein Limit).</translation>
    </message>
    <message>
        <source>Active downloads: %1 foreground, %2 background</source>
        <translation>Aktive Downloads: %1 im Vordergrund, %2 im Hintergrund</translation>
    </message>
    <message>
        <source>Upload now: %1</source>
        <translation>Upload aktuell: %1</translation>
    </message>
    <message>
        <source>Nothing is downloading now.</source>
        <translation>Derzeit wird nichts heruntergeladen.</translation>
    </message>
    <message>
        <source>%1 download(s) are active but no byte arrived in the last second.</source>
        <translation>Aktive Downloads: %1, aber in der letzten Sekunde ist kein Byte angekommen.</translation>
    </message>
    <message>
        <source>See the origin, proxy and peer checks; doctl status shows each download&apos;s error.</source>
        <translation>Siehe die Prüfungen zu Ursprungsserver, Proxy und Peers; doctl status zeigt den Fehler jedes Downloads an.</translation>
    </message>
    <message>
        <source>Downloading at %1.</source>
        <translation>Download mit %1.</translation>
    </message>
    <message>
        <source>Cache: %1 in %2 content(s)</source>
        <translation>Cache: %1, Anzahl Inhalte: %2</translation>
    </message>
    <message>
        <source>Limit in effect: %1</source>
        <translation>Geltendes Limit: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Drive: %1 free of %2</source>
        <translation>Laufwerk: %1 von %2 frei</translation>
    </message>
    <message>
        <source>The cache may grow to %1, more than the drive can take (%2): it fills the disk before eviction starts.</source>
        <translation>Der Cache darf auf %1 anwachsen, mehr als das Laufwerk aufnehmen kann (%2): Er füllt den Datenträger, bevor das Entfernen alter Inhalte beginnt.</translation>
    </message>
    <message>
        <source>Cap the cache: set DOAbsoluteMaxCacheSize to %1 GB (it wins over the percentage DOMaxCacheSize).</source>
        <translation>Begrenzen Sie den Cache: Setzen Sie DOAbsoluteMaxCacheSize auf %1 GB (hat Vorrang vor dem Prozentwert DOMaxCacheSize).</translation>
    </message>
    <message>
        <source>The cache uses %1 of its %2 limit.</source>
        <translation>Der Cache belegt %1 seines Limits von %2.</translation>
    </message>
    <message>
        <source>The cache uses %1; no size limit applies.</source>
        <translation>Der Cache belegt %1; es gilt kein Größenlimit.</translation>
    </message>
    <message>
        <source>DOMaxCacheAge is 0: content stays until the size limit forces it out.</source>
        <translation>DOMaxCacheAge ist 0: Inhalte bleiben, bis das Größenlimit sie verdrängt.</translation>
    </message>
    <message>
        <source>Let content expire: set DOMaxCacheAge to 259200 (3 days, DO&apos;s default) or what your peers need.</source>
        <translation>Lassen Sie Inhalte ablaufen: Setzen Sie DOMaxCacheAge auf 259200 (3 Tage, der Standard der Übermittlungsoptimierung) oder auf den Wert, den Ihre Peers benötigen.</translation>
    </message>
    <message>
        <source>Content expires after %1 h; the size limit is %2.</source>
        <translation>Inhalte laufen nach %1 h ab; das Größenlimit beträgt %2.</translation>
    </message>
    <message>
        <source>%1 % of the drive</source>
        <translation>%1 % des Laufwerks</translation>
    </message>
    <message>
        <source>Pinned: %1 content(s), %2</source>
        <translation>Angeheftete Inhalte: %1, %2</translation>
    </message>
    <message>
        <source>%1 evicted %2 (%3): %4</source>
        <translation>%1: %2 (%3) entfernt: %4</translation>
    </message>
    <message>
        <source>The cache is empty.</source>
        <translation>Der Cache ist leer.</translation>
    </message>
    <message>
        <source>Pinned content (%1) takes more than half of the cache limit and is never evicted.</source>
        <translation>Angeheftete Inhalte (%1) belegen mehr als die Hälfte des Cachelimits und werden nie entfernt.</translation>
    </message>
    <message numerus="yes">
        <source>%n eviction(s) recorded.</source>
        <translation>
            <numerusform>%n Entfernung protokolliert.</numerusform>
            <numerusform>%n Entfernungen protokolliert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bandwidth limits</source>
        <translation>Bandbreitenlimits</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Geschäftszeiten</translation>
    </message>
    <message>
        <source>Current rates</source>
        <translation>Aktuelle Raten</translation>
    </message>
    <message>
        <source>Cache use</source>
        <translation>Cachenutzung</translation>
    </message>
    <message>
        <source>Cache limits</source>
        <translation>Cachelimits</translation>
    </message>
    <message>
        <source>Pinned content and evictions</source>
        <translation>Angeheftete Inhalte und Entfernungen</translation>
    </message>
    <message>
        <source>Cache server reachable</source>
        <translation>Cacheserver erreichbar</translation>
    </message>
    <message>
        <source>No cache server is configured.</source>
        <translation>Es ist kein Cacheserver konfiguriert.</translation>
    </message>
    <message>
        <source>Cache server configured</source>
        <translation>Cacheserver konfiguriert</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Nicht zutreffend</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Peers</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Bandbreite</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Cache server</source>
        <translation>Cacheserver</translation>
    </message>
    <message>
        <source>The check did not finish within %1 ms.</source>
        <translation>Die Prüfung wurde nicht innerhalb von %1 ms abgeschlossen.</translation>
    </message>
    <message>
        <source>Timed out waiting for the network or the agent.</source>
        <translation>Zeitüberschreitung beim Warten auf das Netzwerk oder den Agent.</translation>
    </message>
    <message>
        <source>0 (HTTP only)</source>
        <translation>0 (nur HTTP)</translation>
    </message>
    <message>
        <source>1 (LAN)</source>
        <translation>1 (LAN)</translation>
    </message>
    <message>
        <source>2 (Group)</source>
        <translation>2 (Gruppe)</translation>
    </message>
    <message>
        <source>3 (Internet)</source>
        <translation>3 (Internet)</translation>
    </message>
    <message>
        <source>99 (Simple, no peers)</source>
        <translation>99 (Einfach, keine Peers)</translation>
    </message>
    <message>
        <source>100 (Bypass)</source>
        <translation>100 (Umgehen)</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht festgelegt)</translation>
    </message>
    <message>
        <source>%1 = %2 (%3)</source>
        <translation>%1 = %2 (%3)</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <source>No usable network interface: peers and the origin cannot be reached.</source>
        <translation>Keine verwendbare Netzwerkschnittstelle: Peers und Ursprungsserver sind nicht erreichbar.</translation>
    </message>
    <message>
        <source>Other interfaces: %1</source>
        <translation>Weitere Schnittstellen: %1</translation>
    </message>
    <message>
        <source>Connect the device to a network (ip link, nmcli device status) and check that an interface is up with an address.</source>
        <translation>Verbinden Sie das Gerät mit einem Netzwerk (ip link, nmcli device status) und prüfen Sie, ob eine Schnittstelle aktiv ist und eine Adresse hat.</translation>
    </message>
    <message numerus="yes">
        <source>%n usable network interface(s).</source>
        <translation>
            <numerusform>%n verwendbare Netzwerkschnittstelle.</numerusform>
            <numerusform>%n verwendbare Netzwerkschnittstellen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Network interface</source>
        <translation>Netzwerkschnittstelle</translation>
    </message>
    <message>
        <source>no HTTP answer: %1</source>
        <translation>keine HTTP-Antwort: %1</translation>
    </message>
    <message>
        <source>it ignored the Range header and answered 200 with the whole file</source>
        <translation>er hat den Range-Header ignoriert und mit 200 und der ganzen Datei geantwortet</translation>
    </message>
    <message>
        <source>it answered HTTP %1 instead of 206</source>
        <translation>er hat mit HTTP %1 statt mit 206 geantwortet</translation>
    </message>
    <message>
        <source>206 with Content-Range &quot;%1&quot; instead of bytes 0-9/size</source>
        <translation>206 mit Content-Range „%1“ statt bytes 0-9/Größe</translation>
    </message>
    <message>
        <source>206 with %1 bytes of body instead of 10</source>
        <translation>206 mit %1 Bytes Inhalt statt 10</translation>
    </message>
    <message>
        <source>Nothing listens on %1: start the agent on that device (do-agent, or the console) and check the port it listens on (doctl peers shows it).</source>
        <translation>Auf %1 lauscht nichts: Starten Sie den Agent auf diesem Gerät (do-agent oder die Konsole) und prüfen Sie, auf welchem Port er lauscht (doctl peers zeigt ihn an).</translation>
    </message>
    <message>
        <source>Allow inbound TCP %1 on that device&apos;s firewall (Linux: nft add rule inet filter input tcp dport %1 accept; Windows: New-NetFirewallRule -DisplayName &quot;Delivery Optimization&quot; -Direction Inbound -Protocol TCP -LocalPort %1 -Action Allow).</source>
        <translation>Lassen Sie in der Firewall dieses Geräts eingehende Verbindungen auf TCP %1 zu (Linux: nft add rule inet filter input tcp dport %1 accept; Windows: New-NetFirewallRule -DisplayName &quot;Delivery Optimization&quot; -Direction Inbound -Protocol TCP -LocalPort %1 -Action Allow).</translation>
    </message>
    <message>
        <source>There is no route to that address: check that both devices are on networks that can reach each other (ip route).</source>
        <translation>Es gibt keine Route zu dieser Adresse: Prüfen Sie, ob sich beide Geräte in Netzwerken befinden, die einander erreichen können (ip route).</translation>
    </message>
    <message>
        <source>Use an address that resolves, or fix the name in DNS.</source>
        <translation>Verwenden Sie eine auflösbare Adresse oder korrigieren Sie den Namen im DNS.</translation>
    </message>
    <message>
        <source>Check the address and the network between the devices.</source>
        <translation>Prüfen Sie die Adresse und das Netzwerk zwischen den Geräten.</translation>
    </message>
    <message>
        <source>Peer port</source>
        <translation>Peer-Port</translation>
    </message>
    <message>
        <source>Not checked: no agent is running to listen for peers (see Agent running).</source>
        <translation>Nicht geprüft: Es läuft kein Agent, der auf Peers lauscht (siehe „Agent läuft“).</translation>
    </message>
    <message>
        <source>The agent is configured not to listen, so no peer can download from this device.</source>
        <translation>Der Agent ist so konfiguriert, dass er nicht lauscht; daher kann kein Peer von diesem Gerät herunterladen.</translation>
    </message>
    <message>
        <source>Start the agent with --listen ADDR:PORT (default 0.0.0.0:7680).</source>
        <translation>Starten Sie den Agent mit --listen ADDR:PORT (Standard 0.0.0.0:7680).</translation>
    </message>
    <message>
        <source>The agent cannot listen on %1: %2</source>
        <translation>Der Agent kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <source>Configured listen address: %1</source>
        <translation>Konfigurierte Empfangsadresse: %1</translation>
    </message>
    <message>
        <source>TCP %1 is held by %2</source>
        <translation>TCP %1 ist von %2 belegt</translation>
    </message>
    <message>
        <source>Stop the process that holds TCP %1 (ss -ltnp &apos;sport = :%1&apos; shows it), or start the agent with --listen ADDR:OTHER_PORT and allow that port in the firewall.</source>
        <translation>Beenden Sie den Prozess, der TCP %1 belegt (ss -ltnp &apos;sport = :%1&apos; zeigt ihn an), oder starten Sie den Agent mit --listen ADDR:OTHER_PORT und lassen Sie diesen Port in der Firewall zu.</translation>
    </message>
    <message>
        <source>The agent listens on %1 and accepts connections.</source>
        <translation>Der Agent lauscht auf %1 und nimmt Verbindungen an.</translation>
    </message>
    <message>
        <source>The agent reports listening on %1, but a test connection failed.</source>
        <translation>Der Agent meldet, dass er auf %1 lauscht, aber eine Testverbindung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>%1 is a loopback address: only agents on this machine can reach it.</source>
        <translation>%1 ist eine Loopback-Adresse: Nur Agents auf diesem Computer können sie erreichen.</translation>
    </message>
    <message>
        <source>Other devices also need an inbound firewall rule for TCP %1.</source>
        <translation>Damit andere Geräte ihn erreichen, ist zusätzlich eine eingehende Firewallregel für TCP %1 nötig.</translation>
    </message>
    <message>
        <source>Discovery service</source>
        <translation>Erkennungsdienst</translation>
    </message>
    <message>
        <source>No discovery service is configured: only peers given statically are used.</source>
        <translation>Es ist kein Erkennungsdienst konfiguriert: Nur statisch angegebene Peers werden verwendet.</translation>
    </message>
    <message>
        <source>Set the service: doctl config set DiscoveryUrl http://HOST:7681 (or start the agent with --discovery URL).</source>
        <translation>Legen Sie den Dienst fest: doctl config set DiscoveryUrl http://HOST:7681 (oder starten Sie den Agent mit --discovery URL).</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Dienst: %1</translation>
    </message>
    <message>
        <source>Agent&apos;s view: %1</source>
        <translation>Sicht des Agents: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>The discovery URL %1 has no host.</source>
        <translation>Die URL des Erkennungsdienstes %1 enthält keinen Host.</translation>
    </message>
    <message>
        <source>Correct it: doctl config set DiscoveryUrl http://HOST:PORT</source>
        <translation>Korrigieren Sie sie: doctl config set DiscoveryUrl http://HOST:PORT</translation>
    </message>
    <message>
        <source>DNS: %1 does not resolve (%2 ms): %3</source>
        <translation>DNS: %1 lässt sich nicht auflösen (%2 ms): %3</translation>
    </message>
    <message>
        <source>The discovery service&apos;s name %1 does not resolve.</source>
        <translation>Der Name %1 des Erkennungsdienstes lässt sich nicht auflösen.</translation>
    </message>
    <message>
        <source>Fix DNS for %1 or use the service&apos;s address in DiscoveryUrl.</source>
        <translation>Korrigieren Sie den DNS-Eintrag für %1 oder verwenden Sie in DiscoveryUrl die Adresse des Dienstes.</translation>
    </message>
    <message>
        <source>DNS: %1 → %2 (%3 ms)</source>
        <translation>DNS: %1 → %2 (%3 ms)</translation>
    </message>
    <message>
        <source>TCP: %1</source>
        <translation>TCP: %1</translation>
    </message>
    <message>
        <source>The service is not running at %1:%2: start it (do-discovery --listen ADDR:%2, or the console&apos;s built-in service) or correct DiscoveryUrl. Until it answers the agent uses download mode 99 (HTTP only).</source>
        <translation>Der Dienst läuft nicht auf %1:%2: Starten Sie ihn (do-discovery --listen ADDR:%2 oder den eingebauten Dienst der Konsole) oder korrigieren Sie DiscoveryUrl. Bis er antwortet, verwendet der Agent den Downloadmodus 99 (nur HTTP).</translation>
    </message>
    <message>
        <source>Allow outbound TCP %1 to %2 in the firewall, or check the route to it. Until it answers the agent uses download mode 99 (HTTP only).</source>
        <translation>Lassen Sie in der Firewall ausgehende Verbindungen auf TCP %1 zu %2 zu oder prüfen Sie die Route dorthin. Bis der Dienst antwortet, verwendet der Agent den Downloadmodus 99 (nur HTTP).</translation>
    </message>
    <message>
        <source>The discovery service %1 cannot be reached.</source>
        <translation>Der Erkennungsdienst %1 ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>HTTP: GET %1 → %2 (%3 ms)</source>
        <translation>HTTP: GET %1 → %2 (%3 ms)</translation>
    </message>
    <message>
        <source>Something answers at %1 but it is not a healthy OpenDO discovery service.</source>
        <translation>Unter %1 antwortet etwas, aber es ist kein funktionsfähiger OpenDO-Erkennungsdienst.</translation>
    </message>
    <message>
        <source>Check that DiscoveryUrl points at do-discovery (its /v1/health answers 200).</source>
        <translation>Prüfen Sie, ob DiscoveryUrl auf do-discovery verweist (dessen /v1/health antwortet mit 200).</translation>
    </message>
    <message>
        <source>HTTP: /v1/health → 200 in %1 ms (version %2, %3 swarms, %4 peers)</source>
        <translation>HTTP: /v1/health → 200 in %1 ms (Version %2, %3 Schwärme, %4 Peers)</translation>
    </message>
    <message>
        <source>Public address it sees for this device: %1</source>
        <translation>Öffentliche Adresse dieses Geräts aus Sicht des Dienstes: %1</translation>
    </message>
    <message>
        <source>The service refused this device&apos;s announce: %1</source>
        <translation>Der Dienst hat die Announce-Anfrage dieses Geräts abgelehnt: %1</translation>
    </message>
    <message>
        <source>Fix what the refusal names (group id, mode, rate limit) and the agent retries by itself.</source>
        <translation>Beheben Sie die in der Ablehnung genannte Ursache (Gruppen-ID, Modus, Ratenbegrenzung); der Agent versucht es dann selbstständig erneut.</translation>
    </message>
    <message>
        <source>The service answers now, but the agent&apos;s last request failed; it retries in %1 s.</source>
        <translation>Der Dienst antwortet jetzt, aber die letzte Anfrage des Agents ist fehlgeschlagen; er versucht es in %1 s erneut.</translation>
    </message>
    <message>
        <source>Wait for the retry, or check the agent&apos;s log (doctl log --component discovery).</source>
        <translation>Warten Sie den erneuten Versuch ab oder prüfen Sie das Protokoll des Agents (doctl log --component discovery).</translation>
    </message>
    <message>
        <source>The discovery service is reachable and healthy.</source>
        <translation>Der Erkennungsdienst ist erreichbar und funktionsfähig.</translation>
    </message>
    <message>
        <source>HTTP byte-range support</source>
        <translation>Unterstützung für HTTP-Bytebereiche</translation>
    </message>
    <message>
        <source>No HTTP origin is known yet: no download has used one.</source>
        <translation>Noch ist kein HTTP-Ursprungsserver bekannt: Bisher hat kein Download einen verwendet.</translation>
    </message>
    <message>
        <source>The origin answers byte ranges.</source>
        <translation>Der Ursprungsserver beantwortet Bytebereichsanfragen.</translation>
    </message>
    <message>
        <source>The origin does not serve byte ranges: %1.</source>
        <translation>Der Ursprungsserver liefert keine Bytebereiche: %1.</translation>
    </message>
    <message>
        <source>GET %1 with Range: bytes=0-9 → %2 in %3 ms</source>
        <translation>GET %1 mit Range: bytes=0-9 → %2 in %3 ms</translation>
    </message>
    <message>
        <source>Content-Range: %1</source>
        <translation>Content-Range: %1</translation>
    </message>
    <message>
        <source>Enable byte ranges on the origin (nginx: remove &quot;max_ranges 0&quot;; a CDN or proxy in between may strip the Range header). Without them every HTTP fetch starts the file from the beginning and pieces cannot be taken from HTTP one by one (DO error 0x80D05011).</source>
        <translation>Aktivieren Sie Bytebereiche auf dem Ursprungsserver (nginx: &quot;max_ranges 0&quot; entfernen; ein CDN oder Proxy dazwischen kann den Range-Header entfernen). Ohne sie beginnt jeder HTTP-Abruf am Anfang der Datei, und Teile können nicht einzeln über HTTP geladen werden (DO-Fehler 0x80D05011).</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>No proxy is configured.</source>
        <translation>Es ist kein Proxy konfiguriert.</translation>
    </message>
    <message>
        <source>Downloads from %1 go directly, without a proxy.</source>
        <translation>Downloads von %1 erfolgen direkt, ohne Proxy.</translation>
    </message>
    <message>
        <source>Explicit proxy: %1</source>
        <translation>Expliziter Proxy: %1</translation>
    </message>
    <message>
        <source>http_proxy / https_proxy / no_proxy from the environment are honoured.</source>
        <translation>http_proxy / https_proxy / no_proxy aus der Umgebung werden berücksichtigt.</translation>
    </message>
    <message>
        <source>Downloads use the proxy %1; not tested, no origin is known yet.</source>
        <translation>Downloads verwenden den Proxy %1; nicht getestet, da noch kein Ursprungsserver bekannt ist.</translation>
    </message>
    <message>
        <source>The proxy %1 does not answer: %2</source>
        <translation>Der Proxy %1 antwortet nicht: %2</translation>
    </message>
    <message>
        <source>Check the proxy (http_proxy / the agent&apos;s --proxy) or remove it.</source>
        <translation>Prüfen Sie den Proxy (http_proxy / --proxy des Agents) oder entfernen Sie ihn.</translation>
    </message>
    <message>
        <source>Downloads use the proxy %1, which passes byte ranges.</source>
        <translation>Downloads verwenden den Proxy %1, der Bytebereiche durchreicht.</translation>
    </message>
    <message>
        <source>The proxy %1 breaks byte ranges (%2), although the origin serves them directly.</source>
        <translation>Der Proxy %1 macht Bytebereiche unbrauchbar (%2), obwohl der Ursprungsserver sie direkt liefert.</translation>
    </message>
    <message>
        <source>Let the proxy pass Range requests (squid: range_offset_limit; tinyproxy passes them), or exempt the origin with no_proxy.</source>
        <translation>Lassen Sie den Proxy Range-Anfragen durchreichen (squid: range_offset_limit; tinyproxy reicht sie durch) oder nehmen Sie den Ursprungsserver mit no_proxy aus.</translation>
    </message>
    <message>
        <source>Downloads use the proxy %1; byte ranges fail with and without it (see HTTP byte-range support).</source>
        <translation>Downloads verwenden den Proxy %1; Bytebereiche schlagen mit und ohne ihn fehl (siehe „Unterstützung für HTTP-Bytebereiche“).</translation>
    </message>
    <message>
        <source>Through %1: GET %2 → %3 (%4 ms)</source>
        <translation>Über %1: GET %2 → %3 (%4 ms)</translation>
    </message>
    <message>
        <source>Direct: → %1 (%2 ms)</source>
        <translation>Direkt: → %1 (%2 ms)</translation>
    </message>
    <message>
        <source>Connection to a peer</source>
        <translation>Verbindung zu einem Peer</translation>
    </message>
    <message>
        <source>No peer address was given to test.</source>
        <translation>Es wurde keine Peer-Adresse zum Testen angegeben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address and port.</source>
        <translation>„%1“ ist keine Angabe aus Adresse und Port.</translation>
    </message>
    <message>
        <source>Give the peer as ADDRESS:PORT, e.g. 192.168.1.20:7680 or [fd00::20]:7680.</source>
        <translation>Geben Sie den Peer als ADRESSE:PORT an, z. B. 192.168.1.20:7680 oder [fd00::20]:7680.</translation>
    </message>
    <message>
        <source>The peer&apos;s port accepts connections.</source>
        <translation>Der Port des Peers nimmt Verbindungen an.</translation>
    </message>
    <message>
        <source>The peer cannot be reached.</source>
        <translation>Der Peer ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>Connected from %1, the agent&apos;s own address.</source>
        <translation>Verbunden von %1, der eigenen Adresse des Agents.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>No downloads to judge.</source>
        <translation>Keine Downloads zu bewerten.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Every download is at least DOMinFileSizeToCache.</source>
        <translation>Jeder Download ist mindestens so groß wie DOMinFileSizeToCache.</translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) are smaller than DOMinFileSizeToCache (%1 MB), so peers never serve or receive them.</source>
        <translation>
            <numerusform>%n Download ist kleiner als DOMinFileSizeToCache (%1 MB); Peers liefern oder erhalten ihn daher nie.</numerusform>
            <numerusform>%n Downloads sind kleiner als DOMinFileSizeToCache (%1 MB); Peers liefern oder erhalten sie daher nie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lower DOMinFileSizeToCache to %1 MB or less if files this small should be shared (small files cost more in overhead than peers save).</source>
        <translation>Senken Sie DOMinFileSizeToCache auf %1 MB oder weniger, wenn so kleine Dateien geteilt werden sollen (kleine Dateien verursachen mehr Overhead, als Peers einsparen).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Every download has metainfo, so its pieces can be verified and shared.</source>
        <translation>Jeder Download hat eine Metainfo, sodass seine Teile überprüft und geteilt werden können.</translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) have no metainfo: their URL is not published at the discovery service, so they are HTTP only.</source>
        <translation>
            <numerusform>%n Download hat keine Metainfo: Seine URL ist beim Erkennungsdienst nicht veröffentlicht, daher läuft er nur über HTTP.</numerusform>
            <numerusform>%n Downloads haben keine Metainfo: Ihre URL ist beim Erkennungsdienst nicht veröffentlicht, daher laufen sie nur über HTTP.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish the content once: doctl publish FILE --webseed URL --discovery %1; later downloads of that URL become verifiable and peerable.</source>
        <translation>Veröffentlichen Sie den Inhalt einmalig: doctl publish FILE --webseed URL --discovery %1; spätere Downloads dieser URL sind dann überprüfbar und können Peers nutzen.</translation>
    </message>
    <message>
        <source>HTTP is held back for peers (%1 s background, %2 s foreground) although no peer is offered: downloads wait for nothing.</source>
        <translation>HTTP wird zugunsten von Peers zurückgehalten (%1 s im Hintergrund, %2 s im Vordergrund), obwohl kein Peer angeboten wird: Downloads warten vergeblich.</translation>
    </message>
    <message>
        <source>HTTP starts at once, so the origin serves most pieces before peers can (%1 % from peers).</source>
        <translation>HTTP startet sofort, daher liefert der Ursprungsserver die meisten Teile, bevor Peers es können (%1 % von Peers).</translation>
    </message>
    <message>
        <source>Hold background HTTP back for a minute so peers serve first: set DODelayBackgroundDownloadFromHttp to 60.</source>
        <translation>Halten Sie HTTP im Hintergrund eine Minute zurück, damit zuerst Peers liefern: Setzen Sie DODelayBackgroundDownloadFromHttp auf 60.</translation>
    </message>
    <message>
        <source>HTTP delays: %1 s background, %2 s foreground.</source>
        <translation>HTTP-Verzögerungen: %1 s im Hintergrund, %2 s im Vordergrund.</translation>
    </message>
    <message>
        <source>Minimum file size to cache</source>
        <translation>Mindestdateigröße für den Cache</translation>
    </message>
    <message>
        <source>Metainfo (published content)</source>
        <translation>Metainfo (veröffentlichte Inhalte)</translation>
    </message>
    <message>
        <source>HTTP delay for peers</source>
        <translation>HTTP-Verzögerung für Peers</translation>
    </message>
    <message>
        <source>No OpenDO agent is running for this data directory: nothing serves peers or finishes background downloads.</source>
        <translation>Für dieses Datenverzeichnis läuft kein OpenDO-Agent: Nichts bedient Peers oder schließt Downloads im Hintergrund ab.</translation>
    </message>
    <message>
        <source>Data directory: %1</source>
        <translation>Datenverzeichnis: %1</translation>
    </message>
    <message>
        <source>These checks ran in a temporary agent started by doctl.</source>
        <translation>Diese Prüfungen liefen in einem temporären Agent, den doctl gestartet hat.</translation>
    </message>
    <message>
        <source>Start the agent: do-agent --data-dir %1 (or open the console on that data directory), then run the checks again.</source>
        <translation>Starten Sie den Agent: do-agent --data-dir %1 (oder öffnen Sie die Konsole mit diesem Datenverzeichnis), und führen Sie die Prüfungen dann erneut aus.</translation>
    </message>
    <message>
        <source>The agent is running.</source>
        <translation>Der Agent läuft.</translation>
    </message>
    <message>
        <source>Process %1, pid %2</source>
        <translation>Prozess %1, PID %2</translation>
    </message>
    <message>
        <source>Downloads known: %1, active: %2</source>
        <translation>Bekannte Downloads: %1, aktiv: %2</translation>
    </message>
    <message>
        <source>Download mode %1 never uses peers.</source>
        <translation>Downloadmodus %1 verwendet nie Peers.</translation>
    </message>
    <message>
        <source>Set DODownloadMode to 1 (LAN), 2 (Group) or 3 (Internet), e.g. doctl config set DODownloadMode 1. A value set by policy wins over a local setting, so change it where it is set.</source>
        <translation>Setzen Sie DODownloadMode auf 1 (LAN), 2 (Gruppe) oder 3 (Internet), z. B. doctl config set DODownloadMode 1. Ein per Richtlinie festgelegter Wert hat Vorrang vor einer lokalen Einstellung; ändern Sie ihn daher dort, wo er festgelegt ist.</translation>
    </message>
    <message>
        <source>Download mode %1 is configured but %2 is in effect: %3</source>
        <translation>Downloadmodus %1 ist konfiguriert, aber %2 ist wirksam: %3</translation>
    </message>
    <message>
        <source>Effective download mode: %1</source>
        <translation>Wirksamer Downloadmodus: %1</translation>
    </message>
    <message>
        <source>Make the discovery service reachable (see the Discovery service check); the agent returns to mode %1 by itself once it answers.</source>
        <translation>Machen Sie den Erkennungsdienst erreichbar (siehe Prüfung „Erkennungsdienst“); der Agent kehrt selbstständig zu Modus %1 zurück, sobald der Dienst antwortet.</translation>
    </message>
    <message>
        <source>Download mode %1 is in effect.</source>
        <translation>Downloadmodus %1 ist wirksam.</translation>
    </message>
    <message>
        <source>No group is configured and download mode is %1.</source>
        <translation>Es ist keine Gruppe konfiguriert, und der Downloadmodus ist %1.</translation>
    </message>
    <message>
        <source>A group is configured but download mode is %1, so the group is ignored.</source>
        <translation>Eine Gruppe ist konfiguriert, aber der Downloadmodus ist %1, daher wird die Gruppe ignoriert.</translation>
    </message>
    <message>
        <source>To share within the group set DODownloadMode to 2; otherwise remove DOGroupId and DOGroupIdSource to avoid confusion.</source>
        <translation>Um innerhalb der Gruppe zu teilen, setzen Sie DODownloadMode auf 2; andernfalls entfernen Sie DOGroupId und DOGroupIdSource, um Verwirrung zu vermeiden.</translation>
    </message>
    <message>
        <source>Announced group: %1 (from %2)</source>
        <translation>Gemeldete Gruppe: %1 (aus %2)</translation>
    </message>
    <message>
        <source>Group mode is configured but no group id could be determined, so no peers can be matched.</source>
        <translation>Der Gruppenmodus ist konfiguriert, aber es konnte keine Gruppen-ID ermittelt werden, daher können keine Peers zugeordnet werden.</translation>
    </message>
    <message>
        <source>Set DOGroupId to the same GUID on every device of the group, or choose a DOGroupIdSource that resolves on this device.</source>
        <translation>Legen Sie DOGroupId auf allen Geräten der Gruppe auf dieselbe GUID fest, oder wählen Sie eine DOGroupIdSource, die auf diesem Gerät aufgelöst werden kann.</translation>
    </message>
    <message>
        <source>Group mode with group %1.</source>
        <translation>Gruppenmodus mit Gruppe %1.</translation>
    </message>
    <message>
        <source>Cache folder: %1</source>
        <translation>Cacheordner: %1</translation>
    </message>
    <message>
        <source>The cache folder %1 does not exist.</source>
        <translation>Der Cacheordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Create the folder (mkdir -p %1) with write access for the agent&apos;s user, or point DOModifyCacheDrive at a folder that exists.</source>
        <translation>Erstellen Sie den Ordner (mkdir -p %1) mit Schreibzugriff für den Benutzer des Agents, oder lassen Sie DOModifyCacheDrive auf einen vorhandenen Ordner verweisen.</translation>
    </message>
    <message>
        <source>The agent cannot write to the cache folder %1: %2</source>
        <translation>Der Agent kann nicht in den Cacheordner %1 schreiben: %2</translation>
    </message>
    <message>
        <source>Give the agent&apos;s user write access (chown/chmod %1), or point DOModifyCacheDrive at a writable folder.</source>
        <translation>Geben Sie dem Benutzer des Agents Schreibzugriff (chown/chmod %1), oder lassen Sie DOModifyCacheDrive auf einen beschreibbaren Ordner verweisen.</translation>
    </message>
    <message>
        <source>%1 free of %2 on %3</source>
        <translation>%1 von %2 auf %3 frei</translation>
    </message>
    <message>
        <source>The cache folder exists and is writable.</source>
        <translation>Der Cacheordner existiert und ist beschreibbar.</translation>
    </message>
    <message>
        <source>State database: %1</source>
        <translation>Zustandsdatenbank: %1</translation>
    </message>
    <message>
        <source>Integrity check: %1</source>
        <translation>Integritätsprüfung: %1</translation>
    </message>
    <message>
        <source>The state database is healthy.</source>
        <translation>Die Zustandsdatenbank ist intakt.</translation>
    </message>
    <message>
        <source>The state database reports damage: %1</source>
        <translation>Die Zustandsdatenbank meldet Schäden: %1</translation>
    </message>
    <message>
        <source>Stop the agent, move %1 aside and start it again: it starts with a fresh database (download history and statistics are lost; cached content is downloaded again).</source>
        <translation>Beenden Sie den Agent, verschieben Sie %1 an einen anderen Ort und starten Sie den Agent erneut: Er beginnt mit einer neuen Datenbank (Downloadverlauf und Statistiken gehen verloren; zwischengespeicherte Inhalte werden erneut heruntergeladen).</translation>
    </message>
    <message>
        <source>Keywords: %1</source>
        <translation>Schlüsselwörter: %1</translation>
    </message>
    <message>
        <source>Interfaces up: %1</source>
        <translation>Aktive Schnittstellen: %1</translation>
    </message>
    <message>
        <source>No VPN interface is up.</source>
        <translation>Keine VPN-Schnittstelle ist aktiv.</translation>
    </message>
    <message>
        <source>A VPN is up (%1); DOAllowVPNPeerCaching lets peering continue.</source>
        <translation>Ein VPN ist aktiv (%1); DOAllowVPNPeerCaching lässt das Peering weiterlaufen.</translation>
    </message>
    <message>
        <source>A VPN is up (%1), so this device neither downloads from nor uploads to peers (DO error 0x80D03807).</source>
        <translation>Ein VPN ist aktiv (%1), daher lädt dieses Gerät weder von Peers herunter noch zu Peers hoch (DO-Fehler 0x80D03807).</translation>
    </message>
    <message>
        <source>Peers seen through a VPN may be far away; set DOAllowVPNPeerCaching to 0 if peering over the VPN is not wanted.</source>
        <translation>Über ein VPN gefundene Peers können weit entfernt sein; setzen Sie DOAllowVPNPeerCaching auf 0, wenn kein Peering über das VPN gewünscht ist.</translation>
    </message>
    <message>
        <source>If %1 is not a VPN, remove the matching word from DOVpnKeywords; if it is and peering over it is wanted, set DOAllowVPNPeerCaching to 1.</source>
        <translation>Wenn %1 kein VPN ist, entfernen Sie das passende Wort aus DOVpnKeywords; ist es eines und ist Peering darüber gewünscht, setzen Sie DOAllowVPNPeerCaching auf 1.</translation>
    </message>
    <message>
        <source>Agent running</source>
        <translation>Agent läuft</translation>
    </message>
    <message>
        <source>Download mode</source>
        <translation>Downloadmodus</translation>
    </message>
    <message>
        <source>Group settings</source>
        <translation>Gruppeneinstellungen</translation>
    </message>
    <message>
        <source>Cache folder access</source>
        <translation>Zugriff auf den Cacheordner</translation>
    </message>
    <message>
        <source>State database</source>
        <translation>Zustandsdatenbank</translation>
    </message>
    <message>
        <source>VPN</source>
        <translation>VPN</translation>
    </message>
    <message>
        <source>Download mode allows peers</source>
        <translation>Downloadmodus erlaubt Peers</translation>
    </message>
    <message>
        <source>Mode %1 for this download (configured %2)</source>
        <translation>Modus %1 für diesen Download (konfiguriert: %2)</translation>
    </message>
    <message>
        <source>A way to find peers</source>
        <translation>Eine Möglichkeit, Peers zu finden</translation>
    </message>
    <message>
        <source>Static peers: %1</source>
        <translation>Statische Peers: %1</translation>
    </message>
    <message>
        <source>Discovery service: %1</source>
        <translation>Erkennungsdienst: %1</translation>
    </message>
    <message>
        <source>Metainfo, so pieces can be verified</source>
        <translation>Metainfo, damit Teile überprüft werden können</translation>
    </message>
    <message>
        <source>Content id %1</source>
        <translation>Inhalts-ID %1</translation>
    </message>
    <message>
        <source>HTTP only: %1 is not published</source>
        <translation>Nur HTTP: %1 ist nicht veröffentlicht</translation>
    </message>
    <message>
        <source>At least DOMinFileSizeToCache</source>
        <translation>Mindestens DOMinFileSizeToCache</translation>
    </message>
    <message>
        <source>%1, minimum %2 MB</source>
        <translation>%1, mindestens %2 MB</translation>
    </message>
    <message>
        <source>Peering allowed on this device</source>
        <translation>Peering auf diesem Gerät erlaubt</translation>
    </message>
    <message>
        <source>No gate blocks peering</source>
        <translation>Keine Bedingung blockiert das Peering</translation>
    </message>
    <message>
        <source>Peers offered for this content</source>
        <translation>Peers für diesen Inhalt angeboten</translation>
    </message>
    <message>
        <source>%1 offered by discovery</source>
        <translation>%1 vom Erkennungsdienst angeboten</translation>
    </message>
    <message>
        <source>Connected to a peer</source>
        <translation>Mit einem Peer verbunden</translation>
    </message>
    <message>
        <source>Peers delivered bytes</source>
        <translation>Peers haben Bytes geliefert</translation>
    </message>
    <message>
        <source>%1 from peers, %2 from HTTP; HTTP delay %3 s</source>
        <translation>%1 von Peers, %2 über HTTP; HTTP-Verzögerung %3 s</translation>
    </message>
    <message>
        <source>%1 % from peers because &quot;%2&quot; did not hold: %3</source>
        <translation>%1 % von Peers, weil „%2“ nicht erfüllt war: %3</translation>
    </message>
    <message>
        <source>Every gate held: %1 % came from peers.</source>
        <translation>Alle Bedingungen erfüllt: %1 % kamen von Peers.</translation>
    </message>
    <message>
        <source>%1 is not evaluated.</source>
        <translation>%1 wird nicht ausgewertet.</translation>
    </message>
    <message>
        <source>The amount of RAM cannot be read.</source>
        <translation>Die RAM-Größe kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>This device has enough RAM to share with peers.</source>
        <translation>Dieses Gerät hat genug RAM, um Inhalte mit Peers zu teilen.</translation>
    </message>
    <message>
        <source>The size of the cache drive cannot be read.</source>
        <translation>Die Größe des Cachelaufwerks kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The cache drive is large enough to share with peers.</source>
        <translation>Das Cachelaufwerk ist groß genug, um Inhalte mit Peers zu teilen.</translation>
    </message>
    <message>
        <source>This device has no battery; it always runs on external power.</source>
        <translation>Dieses Gerät hat keinen Akku; es läuft immer mit externer Stromversorgung.</translation>
    </message>
    <message>
        <source>Battery level allows uploads to peers.</source>
        <translation>Der Akkustand erlaubt Uploads an Peers.</translation>
    </message>
    <message>
        <source>The monthly upload cap is not reached.</source>
        <translation>Die monatliche Upload-Obergrenze ist nicht erreicht.</translation>
    </message>
    <message>
        <source>The cap counts uploads to Internet peers and resets on the first day of the month; 0 removes it.</source>
        <translation>Die Obergrenze zählt Uploads an Internet-Peers und wird am ersten Tag des Monats zurückgesetzt; 0 hebt sie auf.</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>Cache drive size</source>
        <translation>Größe des Cachelaufwerks</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Stromversorgung</translation>
    </message>
    <message>
        <source>Monthly upload cap</source>
        <translation>Monatliche Upload-Obergrenze</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>cannot use the local address %1: %2</source>
        <translation>die lokale Adresse %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>the name has no addresses</source>
        <translation>der Name hat keine Adressen</translation>
    </message>
    <message>
        <source>unknown process</source>
        <translation>unbekannter Prozess</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
    <message>
        <source>Download mode %1 asks for no peers.</source>
        <translation>Downloadmodus %1 fragt keine Peers an.</translation>
    </message>
    <message>
        <source>No discovery service is configured.</source>
        <translation>Es ist kein Erkennungsdienst konfiguriert.</translation>
    </message>
    <message>
        <source>The discovery service is not answering, so it offers no peers.</source>
        <translation>Der Erkennungsdienst antwortet nicht und bietet daher keine Peers an.</translation>
    </message>
    <message>
        <source>This device has no shareable content to find peers for yet.</source>
        <translation>Dieses Gerät hat noch keine teilbaren Inhalte, für die Peers gesucht werden könnten.</translation>
    </message>
    <message numerus="yes">
        <source>%1…: %n peer(s) offered</source>
        <translation>
            <numerusform>%1…: %n Peer angeboten</numerusform>
            <numerusform>%1…: %n Peers angeboten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The discovery service knows no other device with this device&apos;s %n content(s) in download mode %1.</source>
        <translation>
            <numerusform>Der Erkennungsdienst kennt im Downloadmodus %1 kein anderes Gerät mit dem Inhalt dieses Geräts.</numerusform>
            <numerusform>Der Erkennungsdienst kennt im Downloadmodus %1 kein anderes Gerät mit einem der %n Inhalte dieses Geräts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Peers must hold the content and share this device&apos;s scope: the same public address in LAN mode, the same group id in Group mode. Run the troubleshooter on a device that has the content.</source>
        <translation>Peers müssen den Inhalt besitzen und denselben Bereich wie dieses Gerät haben: dieselbe öffentliche Adresse im LAN-Modus, dieselbe Gruppen-ID im Gruppenmodus. Führen Sie die Problembehandlung auf einem Gerät aus, das den Inhalt hat.</translation>
    </message>
    <message>
        <source>Peers are known for %1 of %2 contents.</source>
        <translation>Für %1 von %2 Inhalten sind Peers bekannt.</translation>
    </message>
    <message>
        <source>No peer connection was refused or banned.</source>
        <translation>Keine Peer-Verbindung wurde abgelehnt oder gesperrt.</translation>
    </message>
    <message>
        <source>%1 peer(s) banned, %2 piece(s) failed verification; recent refusals are listed.</source>
        <translation>Gesperrte Peers: %1, Teile mit fehlgeschlagener Prüfung: %2; die letzten Ablehnungen sind aufgeführt.</translation>
    </message>
    <message>
        <source>A banned peer sent data that failed verification: check that device (disk, memory) and its cache. &quot;not admitted&quot; means the peer could not prove the swarm key: it is in another LAN/group scope or not an OpenDO device in download mode 1 or 2.</source>
        <translation>Ein gesperrter Peer hat Daten gesendet, deren Prüfung fehlgeschlagen ist: Prüfen Sie dieses Gerät (Datenträger, Arbeitsspeicher) und seinen Cache. „nicht zugelassen“ bedeutet, dass der Peer den Schwarmschlüssel nicht nachweisen konnte: Er gehört zu einem anderen LAN- bzw. Gruppenbereich oder ist kein OpenDO-Gerät im Downloadmodus 1 oder 2.</translation>
    </message>
    <message>
        <source>Nothing was downloaded this month.</source>
        <translation>In diesem Monat wurde nichts heruntergeladen.</translation>
    </message>
    <message>
        <source>%1 % of this month&apos;s downloads came from peers.</source>
        <translation>%1 % der Downloads dieses Monats kamen von Peers.</translation>
    </message>
    <message>
        <source>From peers: %1, from HTTP: %2, from cache servers: %3</source>
        <translation>Von Peers: %1, über HTTP: %2, von Cacheservern: %3</translation>
    </message>
    <message>
        <source>LAN peers behind the same public address</source>
        <translation>LAN-Peers hinter derselben öffentlichen Adresse</translation>
    </message>
    <message>
        <source>Download mode is not 1 (LAN).</source>
        <translation>Der Downloadmodus ist nicht 1 (LAN).</translation>
    </message>
    <message>
        <source>The discovery service has not told this device its public address yet.</source>
        <translation>Der Erkennungsdienst hat diesem Gerät seine öffentliche Adresse noch nicht mitgeteilt.</translation>
    </message>
    <message>
        <source>This device has no shareable content yet.</source>
        <translation>Dieses Gerät hat noch keine teilbaren Inhalte.</translation>
    </message>
    <message>
        <source>The discovery service&apos;s swarm list is not available.</source>
        <translation>Die Schwarmliste des Erkennungsdienstes ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>GET %1 → %2</source>
        <translation>GET %1 → %2</translation>
    </message>
    <message>
        <source>This device&apos;s public address: %1</source>
        <translation>Öffentliche Adresse dieses Geräts: %1</translation>
    </message>
    <message>
        <source>Devices in LAN mode behind it with this content (this one included): %1</source>
        <translation>Geräte im LAN-Modus hinter dieser Adresse mit diesem Inhalt (einschließlich dieses Geräts): %1</translation>
    </message>
    <message>
        <source>%1 device(s) behind public address %2</source>
        <translation>Geräte hinter der öffentlichen Adresse %2: %1</translation>
    </message>
    <message>
        <source>No holder of this content is behind another public address.</source>
        <translation>Kein Besitzer dieses Inhalts befindet sich hinter einer anderen öffentlichen Adresse.</translation>
    </message>
    <message>
        <source>%1 device(s) with this content are behind other public addresses; LAN mode only matches devices behind %2.</source>
        <translation>Geräte mit diesem Inhalt hinter anderen öffentlichen Adressen: %1; der LAN-Modus ordnet nur Geräte hinter %2 zu.</translation>
    </message>
    <message>
        <source>If these devices belong together (e.g. sites with separate Internet breakouts), use Group mode: set DODownloadMode to 2 and the same DOGroupId on all of them.</source>
        <translation>Wenn diese Geräte zusammengehören (z. B. Standorte mit getrennten Internet-Breakouts), verwenden Sie den Gruppenmodus: Setzen Sie auf allen DODownloadMode auf 2 und dieselbe DOGroupId.</translation>
    </message>
    <message>
        <source>Peer reachability</source>
        <translation>Peer-Erreichbarkeit</translation>
    </message>
    <message>
        <source>No peer has been offered to test.</source>
        <translation>Es wurde kein Peer zum Testen angeboten.</translation>
    </message>
    <message>
        <source>%1 more peer(s) not tested.</source>
        <translation>Weitere nicht getestete Peers: %1.</translation>
    </message>
    <message>
        <source>%1 of %2 offered peer(s) accept connections.</source>
        <translation>%1 von %2 angebotenen Peers nehmen Verbindungen an.</translation>
    </message>
    <message>
        <source>Peers known</source>
        <translation>Bekannte Peers</translation>
    </message>
    <message>
        <source>Refused and banned peers</source>
        <translation>Abgelehnte und gesperrte Peers</translation>
    </message>
    <message>
        <source>Peer efficiency this month</source>
        <translation>Peer-Effizienz in diesem Monat</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>OpenDO version</source>
        <translation>OpenDO-Version</translation>
    </message>
    <message>
        <source>Checked at</source>
        <translation>Geprüft am</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Datenverzeichnis</translation>
    </message>
    <message>
        <source>%1 passed</source>
        <translation>%1 bestanden</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 Warnungen</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 not applicable</source>
        <translation>%1 nicht zutreffend</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Empfohlene Schritte:</translation>
    </message>
    <message>
        <source>No checks were run.</source>
        <translation>Es wurden keine Prüfungen ausgeführt.</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Why downloads use peers or not</source>
        <translation>Warum Downloads Peers verwenden oder nicht</translation>
    </message>
    <message>
        <source>No downloads were traced.</source>
        <translation>Es wurden keine Downloads verfolgt.</translation>
    </message>
    <message>
        <source>%1 from peers</source>
        <translation>%1 von Peers</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>The agent has no downloads.</source>
        <translation>Der Agent hat keine Downloads.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>From peers</source>
        <translation>Von Peers</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Key settings in effect</source>
        <translation>Wichtige wirksame Einstellungen</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>OpenDO troubleshooting report</source>
        <translation>OpenDO-Problembehandlungsbericht</translation>
    </message>
    <message>
        <source>Generated by OpenDO. Secrets such as swarm keys, tokens and passwords in addresses are removed.</source>
        <translation>Von OpenDO erstellt. Geheimnisse wie Schwarmschlüssel, Token und Kennwörter in Adressen wurden entfernt.</translation>
    </message>
    <message>
        <source>Public address it sees for this check&apos;s connection: %1 (the agent has announced nothing yet)</source>
        <translation>Öffentliche Adresse, die er für die Verbindung dieser Prüfung sieht: %1 (der Agent hat noch nichts angemeldet)</translation>
    </message>
    <message>
        <source>Fix peer discovery first; if peers are rare here, lower DODelayBackgroundDownloadFromHttp and DODelayForegroundDownloadFromHttp (0 = no delay).</source>
        <translation>Zuerst die Peer-Erkennung reparieren; sind Peers hier selten, DODelayBackgroundDownloadFromHttp und DODelayForegroundDownloadFromHttp senken (0 = keine Verzögerung).</translation>
    </message>
    <message>
        <source>Unpin what is no longer needed (Cache panel or Downloads panel, Unpin) so eviction can free it.</source>
        <translation>Nicht mehr Benötigtes lösen (Bereich „Cache“ oder „Downloads“, Lösen), damit die Bereinigung es freigeben kann.</translation>
    </message>
    <message>
        <source>No Delivery Optimization error codes in the last %1 days.</source>
        <translation>Keine Fehlercodes der Übermittlungsoptimierung in den letzten %1 Tagen.</translation>
    </message>
    <message numerus="yes">
        <source>%n error code(s) in the last %1 days.</source>
        <translation>
            <numerusform>%n Fehlercode in den letzten %1 Tagen.</numerusform>
            <numerusform>%n Fehlercodes in den letzten %1 Tagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2, last %3: %4</source>
        <translation>%1 × %2, zuletzt %3: %4</translation>
    </message>
    <message>
        <source>unknown code</source>
        <translation>unbekannter Code</translation>
    </message>
    <message>
        <source>    latest: %1</source>
        <translation>    zuletzt: %1</translation>
    </message>
    <message>
        <source>Errors found</source>
        <translation>Gefundene Fehler</translation>
    </message>
    <message>
        <source>%1 banned since %2 for content %3: %4</source>
        <translation>%1 gesperrt seit %2 für Inhalt %3: %4</translation>
    </message>
    <message>
        <source>%1: jumps nested too deep to follow</source>
        <translation>%1: Sprünge zu tief verschachtelt, um ihnen zu folgen</translation>
    </message>
    <message>
        <source>too many rules and jumps to follow them all</source>
        <translation>zu viele Regeln und Sprünge, um allen zu folgen</translation>
    </message>
    <message>
        <source>not the JSON form of an nftables ruleset</source>
        <translation>nicht die JSON-Form eines nftables-Regelwerks</translation>
    </message>
    <message>
        <source>Firewall lets peers in</source>
        <translation>Firewall lässt Peers herein</translation>
    </message>
    <message>
        <source>The agent does not listen for peers, so no inbound rule matters.</source>
        <translation>Der Agent lauscht nicht auf Peers, daher spielt keine eingehende Regel eine Rolle.</translation>
    </message>
    <message>
        <source>nftables is not installed (no nft command), so the kernel firewall rules cannot be read.</source>
        <translation>nftables ist nicht installiert (kein Befehl nft), daher lassen sich die Firewall-Regeln des Kernels nicht lesen.</translation>
    </message>
    <message>
        <source>If another firewall runs here, allow inbound TCP %1 in it.</source>
        <translation>Läuft hier eine andere Firewall, darin eingehendes TCP %1 erlauben.</translation>
    </message>
    <message>
        <source>The firewall rules cannot be read by this user.</source>
        <translation>Dieser Benutzer kann die Firewall-Regeln nicht lesen.</translation>
    </message>
    <message>
        <source>Run the troubleshooter as root (sudo doctl troubleshoot), or look for rules that drop TCP %1 in: sudo nft list ruleset</source>
        <translation>Die Problembehandlung als root ausführen (sudo doctl troubleshoot) oder nach Regeln suchen, die TCP %1 verwerfen: sudo nft list ruleset</translation>
    </message>
    <message>
        <source>The firewall rules could not be understood: %1</source>
        <translation>Die Firewall-Regeln ließen sich nicht auswerten: %1</translation>
    </message>
    <message>
        <source>Check by hand that TCP %1 is allowed in: sudo nft list ruleset</source>
        <translation>Von Hand prüfen, ob eingehendes TCP %1 erlaubt ist: sudo nft list ruleset</translation>
    </message>
    <message>
        <source>a new TCP connection to port %1%2</source>
        <translation>eine neue TCP-Verbindung zu Port %1%2</translation>
    </message>
    <message>
        <source> on the loopback interface</source>
        <translation> auf der Loopback-Schnittstelle</translation>
    </message>
    <message>
        <source>No nftables chain filters incoming connections.</source>
        <translation>Keine nftables-Kette filtert eingehende Verbindungen.</translation>
    </message>
    <message>
        <source>nftables accepts %1.</source>
        <translation>nftables nimmt %1 an.</translation>
    </message>
    <message>
        <source>nftables drops %1, so no peer can connect to this device.</source>
        <translation>nftables verwirft %1, daher kann sich kein Peer mit diesem Gerät verbinden.</translation>
    </message>
    <message>
        <source>Allow the peer port: sudo nft insert rule %1 %2 %3 tcp dport %4 accept (and add it to /etc/nftables.conf to keep it).</source>
        <translation>Den Peer-Port erlauben: sudo nft insert rule %1 %2 %3 tcp dport %4 accept (und in /etc/nftables.conf eintragen, damit es bleibt).</translation>
    </message>
    <message>
        <source>It matters once the download mode uses peers (1, 2 or 3).</source>
        <translation>Das wird wichtig, sobald der Downloadmodus Peers verwendet (1, 2 oder 3).</translation>
    </message>
    <message>
        <source>Whether nftables accepts %1 depends on rules the troubleshooter cannot decide (the peer&apos;s address, rate limits, iptables extensions).</source>
        <translation>Ob nftables %1 annimmt, hängt von Regeln ab, die die Problembehandlung nicht entscheiden kann (Adresse des Peers, Ratenbegrenzungen, iptables-Erweiterungen).</translation>
    </message>
    <message>
        <source>Check that the rules listed let TCP %1 in from the devices that should reach this one: sudo nft list ruleset</source>
        <translation>Prüfen, ob die aufgeführten Regeln TCP %1 von den Geräten hereinlassen, die dieses erreichen sollen: sudo nft list ruleset</translation>
    </message>
    <message numerus="yes">
        <source>%n filter chain(s) on the input hook</source>
        <translation>
            <numerusform>%n Filterkette am Input-Hook</numerusform>
            <numerusform>%n Filterketten am Input-Hook</numerusform>
        </translation>
    </message>
    <message>
        <source>Decided by %1</source>
        <translation>Entschieden durch %1</translation>
    </message>
    <message>
        <source>May apply: %1</source>
        <translation>Kann zutreffen: %1</translation>
    </message>
    <message>
        <source>The firewall rules cannot be read: %1 does not start.</source>
        <translation>Die Firewall-Regeln lassen sich nicht lesen: %1 startet nicht.</translation>
    </message>
    <message>
        <source>keeps trying them for %1 s, then the origin</source>
        <translation>versucht sie %1 s lang, dann den Ursprungsserver</translation>
    </message>
    <message>
        <source>goes to the origin after the first failure</source>
        <translation>wechselt nach dem ersten Fehler zum Ursprungsserver</translation>
    </message>
    <message>
        <source>Set DODisallowCacheServerDownloadsOnVPN to 0 to use the cache server over the VPN, or download once the VPN is down.</source>
        <translation>Setzen Sie DODisallowCacheServerDownloadsOnVPN auf 0, um den Cacheserver über das VPN zu nutzen, oder laden Sie herunter, wenn das VPN getrennt ist.</translation>
    </message>
    <message>
        <source>%1 of %2 cache server(s) accept connections on their port.</source>
        <translation>%1 von %2 Cacheservern nehmen Verbindungen auf ihrem Port an.</translation>
    </message>
    <message>
        <source>DHCP option 235: %1 (%2)</source>
        <translation>DHCP-Option 235: %1 (%2)</translation>
    </message>
    <message>
        <source>DHCP option 235: in no lease file under %1</source>
        <translation>DHCP-Option 235: in keiner Lease-Datei unter %1</translation>
    </message>
    <message>
        <source>Have the DHCP server hand out option 235 as a comma-separated list of cache server names or addresses, make the DHCP client request it (dhclient: &quot;also request&quot; the option) and allow DHCP through the firewall (UDP 68 in, 67 out). If the leases live elsewhere, list their folders in the DhcpLeaseFolders agent setting; or name the servers in DOCacheHost.</source>
        <translation>Lassen Sie den DHCP-Server Option 235 als durch Kommas getrennte Liste von Cacheserver-Namen oder -Adressen ausgeben, den DHCP-Client sie anfordern (dhclient: „also request“ für die Option) und DHCP durch die Firewall (UDP 68 eingehend, 67 ausgehend). Liegen die Leases woanders, tragen Sie ihre Ordner in die Agent-Einstellung DhcpLeaseFolders ein; oder nennen Sie die Server in DOCacheHost.</translation>
    </message>
    <message>
        <source>No cache server is configured (DOCacheHost, DOCacheHostSource).</source>
        <translation>Kein Cacheserver ist konfiguriert (DOCacheHost, DOCacheHostSource).</translation>
    </message>
    <message>
        <source>No cache server: %1.</source>
        <translation>Kein Cacheserver: %1.</translation>
    </message>
    <message>
        <source>Cache server(s) %1 from %2 are skipped: %3.</source>
        <translation>Cacheserver %1 aus %2 werden übergangen: %3.</translation>
    </message>
    <message>
        <source>Downloads ask %1 (from %2) first; a foreground download %3, a background download %4.</source>
        <translation>Downloads fragen zuerst %1 (aus %2); ein Vordergrund-Download %3, ein Hintergrund-Download %4.</translation>
    </message>
    <message>
        <source>DHCP was asked but not used: %1.</source>
        <translation>DHCP wurde gefragt, aber nicht verwendet: %1.</translation>
    </message>
    <message>
        <source>Check the cache server names (DOCacheHost or DHCP option 235) and allow outbound TCP to them (port 80 unless the entry names another).</source>
        <translation>Prüfen Sie die Cacheserver-Namen (DOCacheHost oder DHCP-Option 235) und erlauben Sie ausgehendes TCP zu ihnen (Port 80, sofern der Eintrag keinen anderen nennt).</translation>
    </message>
    <message>
        <source>Cache server serves the content</source>
        <translation>Cacheserver liefert den Inhalt</translation>
    </message>
    <message>
        <source>Downloads skip the cache servers: %1.</source>
        <translation>Downloads übergehen die Cacheserver: %1.</translation>
    </message>
    <message>
        <source>The latest origin, %1, is not plain HTTP: cache servers cannot serve it, so its downloads go to the origin.</source>
        <translation>Der letzte Ursprung, %1, ist kein reines HTTP: Cacheserver können ihn nicht liefern, daher gehen seine Downloads zum Ursprung.</translation>
    </message>
    <message>
        <source>Check that the cache server can reach the origin it is asked for (the cacheHostOrigin parameter of the request) and serves byte ranges. Meanwhile downloads try the next server while DODelayCacheServerFallbackForeground/Background runs, then the origin.</source>
        <translation>Prüfen Sie, ob der Cacheserver den angefragten Ursprung erreicht (Parameter cacheHostOrigin der Anfrage) und Byte-Bereiche liefert. Bis dahin versuchen Downloads den nächsten Server, solange DODelayCacheServerFallbackForeground/Background läuft, danach den Ursprung.</translation>
    </message>
    <message>
        <source>Purge that content on the cache server. Downloads verify every piece, drop a server whose bytes fail and fetch the piece elsewhere, so nothing wrong is stored, but the cache bytes are lost.</source>
        <translation>Löschen Sie diesen Inhalt auf dem Cacheserver. Downloads prüfen jedes Stück, verwerfen einen Server mit fehlerhaften Bytes und holen das Stück anderswo; so wird nichts Falsches gespeichert, aber die Bytes aus dem Cache gehen verloren.</translation>
    </message>
    <message>
        <source>no HTTP answer</source>
        <translation>keine HTTP-Antwort</translation>
    </message>
    <message>
        <source>the answer did not complete within %1 ms</source>
        <translation>die Antwort wurde nicht innerhalb von %1 ms abgeschlossen</translation>
    </message>
    <message>
        <source>connected to %1 in %2 ms</source>
        <translation>in %2 ms mit %1 verbunden</translation>
    </message>
    <message>
        <source>refused by %1: the host answered but nothing listens on that port</source>
        <translation>von %1 abgelehnt: Der Host hat geantwortet, aber auf diesem Port lauscht nichts</translation>
    </message>
    <message>
        <source>no answer from %1 within %2 ms: a firewall drops the connection or the host is down</source>
        <translation>keine Antwort von %1 innerhalb von %2 ms: Eine Firewall verwirft die Verbindung, oder der Host ist nicht in Betrieb</translation>
    </message>
    <message>
        <source>%1 is unreachable from here (no route)</source>
        <translation>%1 ist von hier aus nicht erreichbar (keine Route)</translation>
    </message>
    <message>
        <source>the name in %1 does not resolve: %2</source>
        <translation>der Name in %1 lässt sich nicht auflösen: %2</translation>
    </message>
    <message>
        <source>could not connect to %1: %2</source>
        <translation>Verbindung zu %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>other bytes than the origin (a stale or wrong copy)</source>
        <translation>andere Bytes als der Ursprung (eine veraltete oder falsche Kopie)</translation>
    </message>
    <message numerus="yes">
        <source>%n cache server(s) served the latest download&apos;s first bytes, the same as the origin&apos;s.</source>
        <translation>
            <numerusform>%n Cacheserver lieferte die ersten Bytes des letzten Downloads, dieselben wie der Ursprung.</numerusform>
            <numerusform>%n Cacheserver lieferten die ersten Bytes des letzten Downloads, dieselben wie der Ursprung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cache server(s) served the latest download&apos;s first bytes (the origin did not answer for a comparison).</source>
        <translation>
            <numerusform>%n Cacheserver lieferte die ersten Bytes des letzten Downloads (der Ursprung antwortete nicht für einen Vergleich).</numerusform>
            <numerusform>%n Cacheserver lieferten die ersten Bytes des letzten Downloads (der Ursprung antwortete nicht für einen Vergleich).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 cache server(s) do not serve the latest download&apos;s content: %3.</source>
        <translation>%1 von %2 Cacheservern liefern den Inhalt des letzten Downloads nicht: %3.</translation>
    </message>
    <message>
        <source>Cache servers are configured but delivered nothing of this month&apos;s %1.</source>
        <translation>Cacheserver sind konfiguriert, lieferten aber nichts von den %1 dieses Monats.</translation>
    </message>
    <message>
        <source>%1 % of this month&apos;s downloads came from cache servers.</source>
        <translation>%1 % der Downloads dieses Monats kamen von Cacheservern.</translation>
    </message>
    <message>
        <source>From cache servers: %1 of %2</source>
        <translation>Von Cacheservern: %1 von %2</translation>
    </message>
    <message>
        <source>See &quot;Cache server serves the content&quot; and &quot;Cache server reachable&quot;; the downloads&apos; CacheHost field (doctl status) shows which server delivered.</source>
        <translation>Siehe „Cacheserver liefert den Inhalt“ und „Cacheserver erreichbar“; das Feld CacheHost der Downloads (doctl status) zeigt, welcher Server geliefert hat.</translation>
    </message>
    <message>
        <source>Cache server share this month</source>
        <translation>Anteil der Cacheserver in diesem Monat</translation>
    </message>
    <message>
        <source>The agent knows no downloads yet.</source>
        <translation>Der Agent kennt noch keine Downloads.</translation>
    </message>
    <message>
        <source>%1 of %2 download(s) could use peers; %3 got bytes from them (%4 % of the eligible downloads&apos; bytes).</source>
        <translation>%1 von %2 Downloads konnten Peers nutzen; %3 erhielten Bytes von ihnen (%4 % der Bytes der geeigneten Downloads).</translation>
    </message>
    <message>
        <source>Foreground downloads: %1 of %2</source>
        <translation>Vordergrund-Downloads: %1 von %2</translation>
    </message>
    <message>
        <source>Not eligible: %1 without metainfo (HTTP only), %2 below DOMinFileSizeToCache (%3), %4 in a download mode without peers</source>
        <translation>Nicht geeignet: %1 ohne Metainfo (nur HTTP), %2 unter DOMinFileSizeToCache (%3), %4 in einem Downloadmodus ohne Peers</translation>
    </message>
    <message>
        <source>From peers: %1 % of all bytes, %2 % among the downloads that got any</source>
        <translation>Von Peers: %1 % aller Bytes, %2 % bei den Downloads, die welche erhielten</translation>
    </message>
    <message>
        <source>Run &quot;I don&apos;t see bytes from peers&quot; or trace one of the downloads to see which gate stopped it.</source>
        <translation>Führen Sie „Ich erhalte keine Bytes von Peers“ aus oder verfolgen Sie einen der Downloads, um zu sehen, welche Schranke ihn aufgehalten hat.</translation>
    </message>
    <message>
        <source>Downloads that used peers</source>
        <translation>Downloads, die Peers nutzten</translation>
    </message>
    <message>
        <source>No peer connection ended in the last %1 hours.</source>
        <translation>In den letzten %1 Stunden wurde keine Peer-Verbindung beendet.</translation>
    </message>
    <message>
        <source>%1 peer connection(s) ended in the last %2 hours; %3 brought bytes, %4 took bytes.</source>
        <translation>%1 Peer-Verbindung(en) endeten in den letzten %2 Stunden; %3 brachten Bytes, %4 nahmen Bytes.</translation>
    </message>
    <message>
        <source>Received %1 from peers, sent %2 to peers over those connections</source>
        <translation>Über diese Verbindungen %1 von Peers empfangen, %2 an Peers gesendet</translation>
    </message>
    <message>
        <source>moved nothing, %1 ×: %2</source>
        <translation>nichts übertragen, %1 ×: %2</translation>
    </message>
    <message>
        <source>broke the protocol: %1, %2 ×, last %3 (content %4): %5</source>
        <translation>Protokoll verletzt: %1, %2 ×, zuletzt %3 (Inhalt %4): %5</translation>
    </message>
    <message numerus="yes">
        <source>%n peer address(es) broke the protocol or sent data that failed verification.</source>
        <translation>
            <numerusform>%n Peer-Adresse hat das Protokoll verletzt oder Daten gesendet, deren Prüfung fehlschlug.</numerusform>
            <numerusform>%n Peer-Adressen haben das Protokoll verletzt oder Daten gesendet, deren Prüfung fehlschlug.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the devices named above: a peer that sends bad data is banned for that content (see Refused and banned peers); one that breaks the protocol is not a compatible client, or its software or disk is faulty.</source>
        <translation>Prüfen Sie die oben genannten Geräte: Ein Peer, der fehlerhafte Daten sendet, wird für diesen Inhalt gesperrt (siehe Abgelehnte und gesperrte Peers); einer, der das Protokoll verletzt, ist kein kompatibler Client, oder seine Software oder sein Datenträger ist defekt.</translation>
    </message>
    <message numerus="yes">
        <source>%n peer connection(s) ended in the last %1 hours without moving a byte either way.</source>
        <translation>
            <numerusform>%n Peer-Verbindung endete in den letzten %1 Stunden, ohne in irgendeine Richtung ein Byte zu übertragen.</numerusform>
            <numerusform>%n Peer-Verbindungen endeten in den letzten %1 Stunden, ohne in irgendeine Richtung ein Byte zu übertragen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Peer connections that ended</source>
        <translation>Beendete Peer-Verbindungen</translation>
    </message>
    <message>
        <source>The reasons above say why. &quot;not admitted&quot;: one side could not prove the swarm key, so the devices are in different LAN/group scopes (compare DODownloadMode and DOGroupId on both). &quot;timed out during handshake&quot;: something drops TCP to the peer port on the way. A peer that closes at once may not have the content or may have its upload gates closed: run the troubleshooter there (the Hardware group, the VPN check).</source>
        <translation>Die Gründe oben sagen, warum. „not admitted“: Eine Seite konnte den Schwarmschlüssel nicht nachweisen, die Geräte liegen also in verschiedenen LAN-/Gruppenbereichen (vergleichen Sie DODownloadMode und DOGroupId auf beiden). „timed out during handshake“: Unterwegs verwirft etwas TCP zum Peer-Port. Ein Peer, der sofort schließt, hat den Inhalt vielleicht nicht oder seine Upload-Schranken sind geschlossen: Führen Sie dort die Problembehandlung aus (die Gruppe Hardware, die VPN-Prüfung).</translation>
    </message>
    <message>
        <source>%1 connection(s) now, %2 ended since the download began, %3 peer(s) banned</source>
        <translation>Verbindungen aktuell: %1, seit Beginn des Downloads beendet: %2, gesperrte Peers: %3</translation>
    </message>
    <message>
        <source>%1 (%2 ×)</source>
        <translation>%1 (%2 ×)</translation>
    </message>
    <message>
        <source>the peer connections ended: %1</source>
        <translation>die Peer-Verbindungen endeten: %1</translation>
    </message>
    <message>
        <source>DOModifyCacheDrive names %1, but the cache is still in %2.</source>
        <translation>DOModifyCacheDrive nennt %1, aber der Cache liegt noch in %2.</translation>
    </message>
    <message>
        <source>Nothing holds the move up; run the check again in a few seconds.</source>
        <translation>Nichts hält den Umzug auf; führen Sie die Prüfung in einigen Sekunden erneut aus.</translation>
    </message>
    <message>
        <source>Moving the cache failed: %1</source>
        <translation>Umzug des Caches fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Downloads writing to the cache: %1</source>
        <translation>Downloads, die in den Cache schreiben: %1</translation>
    </message>
    <message>
        <source>Roomier drive: %1 (%2, %3 free of %4)</source>
        <translation>Geräumigeres Laufwerk: %1 (%2, %3 frei von %4)</translation>
    </message>
    <message>
        <source>Copied to the new drive: %1 of %2</source>
        <translation>Auf das neue Laufwerk kopiert: %1 von %2</translation>
    </message>
    <message>
        <source>Wait for the copy: %1 is on another drive, so the content is copied there. Downloads wait until it is done; peers are served from the old folder meanwhile.</source>
        <translation>Warten Sie, bis das Kopieren abgeschlossen ist: %1 liegt auf einem anderen Laufwerk, daher werden die Inhalte dorthin kopiert. Downloads warten so lange; Peers werden währenddessen aus dem alten Ordner bedient.</translation>
    </message>
    <message>
        <source>Make %1 usable — create it with write access for the agent&apos;s user (mkdir -p %1) and free enough space on its drive for the cache — or set DOModifyCacheDrive to another folder. The agent tries again by itself.</source>
        <translation>Machen Sie %1 nutzbar – legen Sie den Ordner mit Schreibzugriff für den Benutzer des Agents an (mkdir -p %1) und schaffen Sie auf seinem Laufwerk genug Platz für den Cache – oder setzen Sie DOModifyCacheDrive auf einen anderen Ordner. Der Agent versucht es von selbst erneut.</translation>
    </message>
    <message>
        <source>Let the running downloads finish or pause them: the cache then moves to %1 with its content (copied first when it is on another drive).</source>
        <translation>Lassen Sie die laufenden Downloads fertig werden oder halten Sie sie an: Der Cache zieht dann mit seinen Inhalten nach %1 um (auf ein anderes Laufwerk wird zuerst kopiert).</translation>
    </message>
    <message>
        <source>Or give the cache more room: set DOModifyCacheDrive to a folder on %1; the agent copies its cache there in the background and downloads wait until the copy is done.</source>
        <translation>Oder geben Sie dem Cache mehr Platz: Setzen Sie DOModifyCacheDrive auf einen Ordner auf %1; der Agent kopiert seinen Cache im Hintergrund dorthin, und Downloads warten, bis das Kopieren abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Peers are not restricted to those found by local discovery (DORestrictPeerSelectionBy %1, download mode %2).</source>
        <translation>Peers sind nicht auf die durch lokale Erkennung gefundenen beschränkt (DORestrictPeerSelectionBy %1, Downloadmodus %2).</translation>
    </message>
    <message>
        <source>Answering on the local link fails: %1</source>
        <translation>Antworten im lokalen Netzsegment schlägt fehl: %1</translation>
    </message>
    <message>
        <source>Multicast DNS on UDP %1, interfaces: %2</source>
        <translation>Multicast-DNS auf UDP %1, Schnittstellen: %2</translation>
    </message>
    <message>
        <source>Found on the local link: %1</source>
        <translation>Im lokalen Netzsegment gefunden: %1</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>Offered by the discovery service but not found here, so not used: %1</source>
        <translation>Vom Erkennungsdienst angeboten, aber hier nicht gefunden und daher nicht verwendet: %1</translation>
    </message>
    <message>
        <source>Local peer discovery cannot run: %1</source>
        <translation>Die lokale Peererkennung kann nicht laufen: %1</translation>
    </message>
    <message>
        <source>Free UDP port %1 (or set LocalDiscoveryPort to the port the other devices use), or set DORestrictPeerSelectionBy to 1 (same subnet) or 0 (no restriction): without local discovery no peer can be used.</source>
        <translation>Geben Sie UDP-Port %1 frei (oder setzen Sie LocalDiscoveryPort auf den Port der anderen Geräte) oder setzen Sie DORestrictPeerSelectionBy auf 1 (gleiches Subnetz) oder 0 (keine Einschränkung): ohne lokale Erkennung kann kein Peer verwendet werden.</translation>
    </message>
    <message>
        <source>No other device answered on the local link, so no peer can be used (DORestrictPeerSelectionBy 2).</source>
        <translation>Kein anderes Gerät hat im lokalen Netzsegment geantwortet, daher kann kein Peer verwendet werden (DORestrictPeerSelectionBy 2).</translation>
    </message>
    <message>
        <source>Local discovery finds devices on the same network segment only (multicast DNS does not cross routers or VPNs) that peer in download mode 1, 2 or 3 and accept UDP %1. Put the devices on one segment, allow UDP %1 in their firewalls, or set DORestrictPeerSelectionBy to 1 (same subnet) or 0.</source>
        <translation>Die lokale Erkennung findet nur Geräte im selben Netzsegment (Multicast-DNS überquert keine Router oder VPNs), die im Downloadmodus 1, 2 oder 3 Peering betreiben und UDP %1 annehmen. Bringen Sie die Geräte in ein Segment, erlauben Sie UDP %1 in ihren Firewalls oder setzen Sie DORestrictPeerSelectionBy auf 1 (gleiches Subnetz) oder 0.</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) found on the local link; peers come from them.</source>
        <translation>
            <numerusform>%n Gerät im lokalen Netzsegment gefunden; Peers kommen von dort.</numerusform>
            <numerusform>%n Geräte im lokalen Netzsegment gefunden; Peers kommen von dort.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n peer(s) the discovery service offered are not on the local link and are not used.</source>
        <translation>
            <numerusform>%n vom Erkennungsdienst angebotener Peer ist nicht im lokalen Netzsegment und wird nicht verwendet.</numerusform>
            <numerusform>%n vom Erkennungsdienst angebotene Peers sind nicht im lokalen Netzsegment und werden nicht verwendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Expected with DORestrictPeerSelectionBy 2. To use peers in other segments too, set it to 1 (same subnet) or 0.</source>
        <translation>Mit DORestrictPeerSelectionBy 2 erwartet. Um auch Peers in anderen Segmenten zu verwenden, setzen Sie den Wert auf 1 (gleiches Subnetz) oder 0.</translation>
    </message>
    <message>
        <source>Local peer discovery (DNS-SD)</source>
        <translation>Lokale Peererkennung (DNS-SD)</translation>
    </message>
    <message>
        <source>%1 offered by discovery and found on the local link (DORestrictPeerSelectionBy 2: %2 device(s) found there)</source>
        <translation>%1 vom Erkennungsdienst angeboten und im lokalen Netzsegment gefunden (DORestrictPeerSelectionBy 2: dort %2 Gerät(e) gefunden)</translation>
    </message>
    <message>
        <source>A VPN is up (%1); peering continues only with peers that local peer discovery (DNS-SD) finds on this network, which the VPN gate exempts.</source>
        <translation>Ein VPN ist aktiv (%1); Peering läuft nur mit Peers weiter, die die lokale Peererkennung (DNS-SD) in diesem Netz findet, denn diese nimmt die VPN-Sperre aus.</translation>
    </message>
    <message>
        <source>Download now: HTTP %1, LAN peers %2, group peers %3, Internet peers %4, local-discovery peers %5</source>
        <translation>Download jetzt: HTTP %1, LAN-Peers %2, Gruppen-Peers %3, Internet-Peers %4, lokal erkannte Peers %5</translation>
    </message>
    <message numerus="yes">
        <source>The agent could not connect to %1 (%n attempt(s) in the last hour, last at %2): %3</source>
        <translation>
            <numerusform>Der Agent konnte keine Verbindung zu %1 herstellen (%n Versuch in der letzten Stunde, zuletzt um %2): %3</numerusform>
            <numerusform>Der Agent konnte keine Verbindung zu %1 herstellen (%n Versuche in der letzten Stunde, zuletzt um %2): %3</numerusform>
        </translation>
    </message>
    <message>
        <source>none announced</source>
        <translation>keiner angekündigt</translation>
    </message>
    <message>
        <source>DNS-SD (_opendo-cache._tcp.local on UDP %1, %2): %3</source>
        <translation>DNS-SD (_opendo-cache._tcp.local auf UDP %1, %2): %3</translation>
    </message>
    <message>
        <source>no interface</source>
        <translation>keine Schnittstelle</translation>
    </message>
    <message>
        <source>No cache server is configured (DOCacheHost, DOCacheHostSource) and none is announced on the local link (DNS-SD).</source>
        <translation>Kein Cache-Server ist konfiguriert (DOCacheHost, DOCacheHostSource), und im lokalen Netzsegment ist keiner angekündigt (DNS-SD).</translation>
    </message>
    <message>
        <source>Anyone on the link can announce a cache server, so only downloads with metainfo (every piece verified) use them.</source>
        <translation>Jeder im Netzsegment kann einen Cache-Server ankündigen, deshalb nutzen ihn nur Downloads mit Metainfo (jedes Stück wird geprüft).</translation>
    </message>
    <message>
        <source>%1: sending %2, upload delay %3 ms, window %4</source>
        <translation>%1: sendet %2, Upload-Verzögerung %3 ms, Fenster %4</translation>
    </message>
    <message>
        <source>%1: sending %2, not paced (no round-trip figures)</source>
        <translation>%1: sendet %2, nicht gesteuert (keine Umlaufzeiten)</translation>
    </message>
    <message>
        <source>Nothing is being uploaded to peers now.</source>
        <translation>Derzeit wird nichts zu Peers hochgeladen.</translation>
    </message>
    <message numerus="yes">
        <source>Uploads to %n peer(s) cannot be paced on queuing delay: the system gives no TCP round-trip figures for them.</source>
        <translation>
            <numerusform>Uploads zu %n Peer können nicht nach Warteschlangenverzögerung gesteuert werden: Das System liefert dafür keine TCP-Umlaufzeiten.</numerusform>
            <numerusform>Uploads zu %n Peers können nicht nach Warteschlangenverzögerung gesteuert werden: Das System liefert dafür keine TCP-Umlaufzeiten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Limit uploads with DOMaxUploadBandwidth (KB/s) in the policy editor if they slow down other traffic on this network.</source>
        <translation>Begrenzen Sie Uploads im Richtlinien-Editor mit DOMaxUploadBandwidth (KB/s), falls sie anderen Verkehr in diesem Netzwerk bremsen.</translation>
    </message>
    <message numerus="yes">
        <source>Uploads to %n peer(s) yield to other traffic: each keeps the delay it adds on the way near 100 ms (LEDBAT); %1 ms now at most.</source>
        <translation>
            <numerusform>Uploads zu %n Peer weichen anderem Verkehr: Jeder hält die Verzögerung, die er unterwegs verursacht, nahe 100 ms (LEDBAT); derzeit höchstens %1 ms.</numerusform>
            <numerusform>Uploads zu %n Peers weichen anderem Verkehr: Jeder hält die Verzögerung, die er unterwegs verursacht, nahe 100 ms (LEDBAT); derzeit höchstens %1 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Peer uploads yield to other traffic</source>
        <translation>Peer-Uploads weichen anderem Verkehr</translation>
    </message>
    <message>
        <source>Discovery service %1 assigns: %2</source>
        <translation>Erkennungsdienst %1 weist zu: %2</translation>
    </message>
    <message>
        <source>no cache server</source>
        <translation>keinen Cache-Server</translation>
    </message>
</context>
<context>
    <name>opendo::discovery</name>
    <message>
        <source>Malformed tracker response: %1</source>
        <translation>Fehlerhafte Tracker-Antwort: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has the wrong type or range</source>
        <translation>„%1“ hat den falschen Typ oder Wertebereich</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number of peers</source>
        <translation>„%1“ ist keine ganze Zahl von Peers</translation>
    </message>
    <message>
        <source>an entry of &quot;%1&quot; is not a valid peer</source>
        <translation>ein Eintrag von „%1“ ist kein gültiger Peer</translation>
    </message>
    <message>
        <source>not a dictionary</source>
        <translation>kein Dictionary</translation>
    </message>
    <message>
        <source>%1 peer classes for %2 peers</source>
        <translation>%1 Peer-Klassen für %2 Peers</translation>
    </message>
    <message>
        <source>malformed chunk size in the response</source>
        <translation>fehlerhafte Chunk-Größe in der Antwort</translation>
    </message>
    <message>
        <source>response body is larger than %1 bytes</source>
        <translation>der Antworttext ist größer als %1 Bytes</translation>
    </message>
    <message>
        <source>the server closed the connection without answering</source>
        <translation>der Server hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>incomplete or oversized HTTP response header</source>
        <translation>unvollständiger oder zu großer HTTP-Antwortkopf</translation>
    </message>
    <message>
        <source>not an HTTP response</source>
        <translation>keine HTTP-Antwort</translation>
    </message>
    <message>
        <source>malformed Content-Length in the response</source>
        <translation>fehlerhafte Content-Length in der Antwort</translation>
    </message>
    <message>
        <source>the response ended in the middle of its body</source>
        <translation>die Antwort endete mitten im Antworttext</translation>
    </message>
    <message>
        <source>the response ended after %1 of %2 body bytes</source>
        <translation>die Antwort endete nach %1 von %2 Bytes des Antworttexts</translation>
    </message>
    <message>
        <source>HTTP %1 from %2</source>
        <translation>HTTP %1 von %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Nicht konfiguriert</translation>
    </message>
    <message>
        <source>Contacting</source>
        <translation>Wird kontaktiert</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Erreichbar</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>AD site</source>
        <translation>AD-Standort</translation>
    </message>
    <message>
        <source>domain SID</source>
        <translation>Domänen-SID</translation>
    </message>
    <message>
        <source>Entra tenant id</source>
        <translation>Entra-Mandanten-ID</translation>
    </message>
    <message>
        <source>no group id: set DOGroupId, or DOGroupIdSource with its source (AdSite, AdDomainSid or EntraTenantId agent setting, a DHCP option 234 lease, or a DNS search suffix)</source>
        <translation>keine Gruppen-ID: DOGroupId festlegen oder DOGroupIdSource mit seiner Quelle (Agent-Einstellung AdSite, AdDomainSid oder EntraTenantId, eine DHCP-Lease mit Option 234 oder ein DNS-Suchsuffix)</translation>
    </message>
    <message>
        <source>DHCP option 234 (%1)</source>
        <translation>DHCP-Option 234 (%1)</translation>
    </message>
    <message>
        <source>DNS suffix (%1)</source>
        <translation>DNS-Suffix (%1)</translation>
    </message>
    <message>
        <source>Invalid NAT map rule &quot;%1&quot;: %2</source>
        <translation>Ungültige NAT-Zuordnungsregel „%1“: %2</translation>
    </message>
    <message>
        <source>expected FIRST-LAST=PUBLIC, ADDRESS/PREFIX=PUBLIC or ADDRESS=PUBLIC</source>
        <translation>erwartet ERSTE-LETZTE=ÖFFENTLICH, ADRESSE/PRÄFIX=ÖFFENTLICH oder ADRESSE=ÖFFENTLICH</translation>
    </message>
    <message>
        <source>the public address is not an IP address</source>
        <translation>die öffentliche Adresse ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>the subnet is not ADDRESS/PREFIX</source>
        <translation>das Subnetz hat nicht die Form ADRESSE/PRÄFIX</translation>
    </message>
    <message>
        <source>a range is FIRST-LAST</source>
        <translation>ein Bereich hat die Form ERSTE-LETZTE</translation>
    </message>
    <message>
        <source>the ends of the range are not IP addresses</source>
        <translation>die Enden des Bereichs sind keine IP-Adressen</translation>
    </message>
    <message>
        <source>the range mixes IPv4 and IPv6</source>
        <translation>der Bereich mischt IPv4 und IPv6</translation>
    </message>
    <message>
        <source>the first address of the range is after the last</source>
        <translation>die erste Adresse des Bereichs liegt hinter der letzten</translation>
    </message>
    <message>
        <source>the mapped address is not an IP address</source>
        <translation>die zugeordnete Adresse ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>malformed announce response from %1: %2</source>
        <translation>fehlerhafte Announce-Antwort von %1: %2</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>the connection ended early</source>
        <translation>die Verbindung endete vorzeitig</translation>
    </message>
    <message>
        <source>&quot;cacheHosts&quot; is not a list</source>
        <translation>„cacheHosts“ ist keine Liste</translation>
    </message>
    <message>
        <source>more than %1 cache servers</source>
        <translation>mehr als %1 Cache-Server</translation>
    </message>
    <message>
        <source>Invalid cache host rule &quot;%1&quot;: %2</source>
        <translation>Ungültige Cache-Server-Regel „%1“: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a subnet ADDRESS/PREFIX</source>
        <translation>„%1“ ist kein Subnetz ADRESSE/PRÄFIX</translation>
    </message>
    <message>
        <source>more than %1 servers</source>
        <translation>mehr als %1 Server</translation>
    </message>
</context>
<context>
    <name>opendo::discovery::DiscoveryServer</name>
    <message>
        <source>The discovery service is already running.</source>
        <translation>Der Erkennungsdienst läuft bereits.</translation>
    </message>
</context>
<context>
    <name>opendo::discovery::HttpServer</name>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Auf %1 Port %2 kann nicht gelauscht werden: %3</translation>
    </message>
</context>
<context>
    <name>opendo::discovery::local::LocalPeerDiscovery</name>
    <message>
        <source>no network interface that can multicast carries %1</source>
        <translation>keine multicastfähige Netzwerkschnittstelle hat %1</translation>
    </message>
    <message>
        <source>an IPv4 address</source>
        <translation>eine IPv4-Adresse</translation>
    </message>
    <message>
        <source>cannot listen on UDP port %1 for multicast DNS: %2</source>
        <translation>UDP-Port %1 für Multicast-DNS kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot join the multicast DNS group on %1: %2</source>
        <translation>der Multicast-DNS-Gruppe auf %1 kann nicht beigetreten werden: %2</translation>
    </message>
</context>
<context>
    <name>opendo::log</name>
    <message>
        <source>Uploads stopped: this month&apos;s uploads to internet peers reached the cap.</source>
        <translation>Uploads angehalten: Die Uploads an Internet-Peers haben in diesem Monat die Obergrenze erreicht.</translation>
    </message>
    <message>
        <source>Raise DOMonthlyUploadDataCap (GB per month, 0 = no cap) or wait for the next month.</source>
        <translation>DOMonthlyUploadDataCap erhöhen (GB pro Monat, 0 = keine Grenze) oder auf den nächsten Monat warten.</translation>
    </message>
    <message>
        <source>Peer caching is off because the cache drive is smaller than the minimum.</source>
        <translation>Peer-Caching ist aus, weil das Cache-Laufwerk kleiner als das Minimum ist.</translation>
    </message>
    <message>
        <source>Lower DOMinDiskSizeAllowedToPeer or move the cache to a larger drive with DOModifyCacheDrive.</source>
        <translation>DOMinDiskSizeAllowedToPeer senken oder den Cache mit DOModifyCacheDrive auf ein größeres Laufwerk verlegen.</translation>
    </message>
    <message>
        <source>Uploads stopped: the device runs on battery below the minimum charge.</source>
        <translation>Uploads angehalten: Das Gerät läuft im Akkubetrieb unter der Mindestladung.</translation>
    </message>
    <message>
        <source>Plug the device in, or lower DOMinBatteryPercentageAllowedToUpload.</source>
        <translation>Das Gerät ans Netz anschließen oder DOMinBatteryPercentageAllowedToUpload senken.</translation>
    </message>
    <message>
        <source>Peer caching is off because a VPN interface is up.</source>
        <translation>Peer-Caching ist aus, weil eine VPN-Schnittstelle aktiv ist.</translation>
    </message>
    <message>
        <source>Set DOAllowVPNPeerCaching to 1 to share over VPN, or check DOVpnKeywords if the interface is no VPN.</source>
        <translation>DOAllowVPNPeerCaching auf 1 setzen, um über VPN zu teilen, oder DOVpnKeywords prüfen, falls die Schnittstelle kein VPN ist.</translation>
    </message>
    <message>
        <source>Peer caching is off because the device has less RAM than the minimum.</source>
        <translation>Peer-Caching ist aus, weil das Gerät weniger RAM als das Minimum hat.</translation>
    </message>
    <message>
        <source>Lower DOMinRAMAllowedToPeer (GB) if this device should share with peers.</source>
        <translation>DOMinRAMAllowedToPeer (GB) senken, wenn dieses Gerät mit Peers teilen soll.</translation>
    </message>
    <message>
        <source>The cache folder is missing or cannot be written.</source>
        <translation>Der Cache-Ordner fehlt oder ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>Create the folder the agent reports and let the agent&apos;s user write to it, or point DOModifyCacheDrive at a writable location.</source>
        <translation>Den vom Agenten gemeldeten Ordner anlegen und dem Benutzer des Agenten Schreibrechte geben oder DOModifyCacheDrive auf einen beschreibbaren Ort setzen.</translation>
    </message>
    <message>
        <source>The discovery service did not answer; downloads fell back to HTTP only (Simple mode, 99).</source>
        <translation>Der Erkennungsdienst hat nicht geantwortet; Downloads sind auf reines HTTP zurückgefallen (einfacher Modus, 99).</translation>
    </message>
    <message>
        <source>Check that the service named by DiscoveryUrl runs and is reachable (run the connection checks: doctl troubleshoot).</source>
        <translation>Prüfen, ob der in DiscoveryUrl genannte Dienst läuft und erreichbar ist (Verbindungsprüfungen ausführen: doctl troubleshoot).</translation>
    </message>
    <message>
        <source>The origin server ignores byte-range requests, so every download from it streams the whole file and peers cannot take over parts.</source>
        <translation>Der Ursprungsserver ignoriert Byte-Range-Anfragen; jeder Download von ihm überträgt daher die ganze Datei, und Peers können keine Teile übernehmen.</translation>
    </message>
    <message>
        <source>Enable Range support on the origin (for nginx: remove &quot;max_ranges 0&quot;).</source>
        <translation>Range-Unterstützung auf dem Ursprungsserver aktivieren (bei nginx: „max_ranges 0“ entfernen).</translation>
    </message>
    <message>
        <source>A piece failed verification against the metainfo and was discarded.</source>
        <translation>Ein Stück hat die Prüfung gegen die Metainfo nicht bestanden und wurde verworfen.</translation>
    </message>
    <message>
        <source>If a peer sent it, that peer was banned; if the origin did, its file no longer matches the published metainfo: publish it again (doctl publish).</source>
        <translation>Kam es von einem Peer, wurde dieser gesperrt; kam es vom Ursprungsserver, passt dessen Datei nicht mehr zur veröffentlichten Metainfo: erneut veröffentlichen (doctl publish).</translation>
    </message>
    <message>
        <source>A peer was banned for sending data that failed verification or for breaking the protocol.</source>
        <translation>Ein Peer wurde gesperrt, weil er Daten sandte, die die Prüfung nicht bestanden, oder weil er das Protokoll verletzte.</translation>
    </message>
    <message>
        <source>Check the banned device (Peers panel, Banned peers list) for a damaged cache or a different version of the content.</source>
        <translation>Das gesperrte Gerät (Bereich „Peers“, Liste „Gesperrte Peers“) auf einen beschädigten Cache oder eine andere Version des Inhalts prüfen.</translation>
    </message>
    <message>
        <source>A download stopped: its origin failed and the peers it carried on with delivered nothing more.</source>
        <translation>Ein Download wurde angehalten: Sein Ursprungsserver ist ausgefallen, und die Peers, mit denen er weiterlief, lieferten nichts mehr.</translation>
    </message>
    <message>
        <source>Check the origin named in the message (doctl troubleshoot runs the origin checks), then resume the download.</source>
        <translation>Prüfen Sie den in der Meldung genannten Ursprungsserver (doctl troubleshoot führt die Prüfungen des Ursprungsservers aus) und setzen Sie den Download dann fort.</translation>
    </message>
</context>
<context>
    <name>opendo::peer</name>
    <message>
        <source>Invalid extension handshake: %1</source>
        <translation>Ungültiger Erweiterungs-Handshake: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an integer</source>
        <translation>&quot;%1&quot; ist keine Ganzzahl</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2; it must be %3 to %4</source>
        <translation>&quot;%1&quot; ist %2; der Wert muss zwischen %3 und %4 liegen</translation>
    </message>
    <message>
        <source>%1 bytes exceed the %2-byte limit</source>
        <translation>%1 Bytes überschreiten die Grenze von %2 Bytes</translation>
    </message>
    <message>
        <source>not a dictionary</source>
        <translation>kein Dictionary</translation>
    </message>
    <message>
        <source>&quot;m&quot; is not a dictionary</source>
        <translation>&quot;m&quot; ist kein Dictionary</translation>
    </message>
    <message>
        <source>&quot;m&quot; entry &quot;%1&quot; is not an integer</source>
        <translation>&quot;m&quot;-Eintrag &quot;%1&quot; ist keine Ganzzahl</translation>
    </message>
    <message>
        <source>&quot;m&quot; entry &quot;%1&quot; is %2; it must be 0 to 255</source>
        <translation>&quot;m&quot;-Eintrag &quot;%1&quot; ist %2; der Wert muss zwischen 0 und 255 liegen</translation>
    </message>
    <message>
        <source>&quot;m&quot; gives id %1 to both &quot;%2&quot; and &quot;%3&quot;</source>
        <translation>&quot;m&quot; vergibt die ID %1 sowohl an &quot;%2&quot; als auch an &quot;%3&quot;</translation>
    </message>
    <message>
        <source>&quot;v&quot; is not a string</source>
        <translation>&quot;v&quot; ist kein String</translation>
    </message>
    <message>
        <source>&quot;v&quot; is not UTF-8</source>
        <translation>&quot;v&quot; ist kein UTF-8</translation>
    </message>
    <message>
        <source>handshake protocol string length is %1; a BitTorrent peer sends 19</source>
        <translation>die Länge des Protokollstrings im Handshake ist %1; ein BitTorrent-Peer sendet 19</translation>
    </message>
    <message>
        <source>handshake protocol string is not &quot;BitTorrent protocol&quot;</source>
        <translation>der Protokollstring im Handshake ist nicht &quot;BitTorrent protocol&quot;</translation>
    </message>
    <message>
        <source>handshake is %1 bytes long; it must be 68</source>
        <translation>der Handshake ist %1 Bytes lang; er muss 68 Bytes lang sein</translation>
    </message>
    <message>
        <source>message %1 (%2) needs the Fast extension, which was not negotiated</source>
        <translation>Nachricht %1 (%2) erfordert die Fast-Erweiterung, die nicht ausgehandelt wurde</translation>
    </message>
    <message>
        <source>message %1 (%2) needs the extension protocol, which was not negotiated</source>
        <translation>Nachricht %1 (%2) erfordert das Erweiterungsprotokoll, das nicht ausgehandelt wurde</translation>
    </message>
    <message>
        <source>message %1 (%2) of %3 bytes exceeds the %4-byte limit</source>
        <translation>Nachricht %1 (%2) mit %3 Bytes überschreitet die Grenze von %4 Bytes</translation>
    </message>
    <message>
        <source>message %1 (%2) has length %3; it must be %4</source>
        <translation>Nachricht %1 (%2) hat die Länge %3; sie muss %4 betragen</translation>
    </message>
    <message>
        <source>message %1 (%2) has length %3; it must be at least %4</source>
        <translation>Nachricht %1 (%2) hat die Länge %3; sie muss mindestens %4 betragen</translation>
    </message>
    <message>
        <source>message %1 (%2) names piece %3, but there are only %4 pieces</source>
        <translation>Nachricht %1 (%2) nennt Stück %3, es gibt aber nur %4 Stücke</translation>
    </message>
    <message>
        <source>message %1 (%2) asks for a block of %3 bytes; it must be 1 to %4</source>
        <translation>Nachricht %1 (%2) fordert einen Block mit %3 Bytes an; er muss zwischen 1 und %4 Bytes groß sein</translation>
    </message>
    <message>
        <source>message %1 (%2) may only come first, before any other message</source>
        <translation>Nachricht %1 (%2) darf nur als erste Nachricht vor allen anderen kommen</translation>
    </message>
    <message>
        <source>message %1 (%2) sets spare bits after the last piece (%3 pieces)</source>
        <translation>Nachricht %1 (%2) setzt überzählige Bits nach dem letzten Stück (%3 Stücke)</translation>
    </message>
    <message>
        <source>unknown message id %1 (%2 bytes) exceeds the %3-byte limit</source>
        <translation>unbekannte Nachrichten-ID %1 (%2 Bytes) überschreitet die Grenze von %3 Bytes</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a %2-byte string</source>
        <translation>„%1“ ist keine Zeichenkette aus %2 Bytes</translation>
    </message>
</context>
<context>
    <name>opendo::peer::PeerConnection</name>
    <message>
        <source>cannot use local address %1: %2</source>
        <translation>die lokale Adresse %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>peer closed the connection</source>
        <translation>der Peer hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <source>connection timed out</source>
        <translation>Zeitlimit der Verbindung abgelaufen</translation>
    </message>
    <message>
        <source>network error: %1</source>
        <translation>Netzwerkfehler: %1</translation>
    </message>
    <message>
        <source>connection error: %1</source>
        <translation>Verbindungsfehler: %1</translation>
    </message>
    <message>
        <source>timed out during handshake</source>
        <translation>Zeitlimit beim Handshake abgelaufen</translation>
    </message>
    <message>
        <source>timed out while connecting</source>
        <translation>Zeitlimit beim Verbindungsaufbau abgelaufen</translation>
    </message>
    <message>
        <source>nothing received for %1 s</source>
        <translation>seit %1 s nichts empfangen</translation>
    </message>
    <message>
        <source>peer answered for other content (%1)</source>
        <translation>der Peer hat für einen anderen Inhalt geantwortet (%1)</translation>
    </message>
    <message>
        <source>peer requested %1 bytes at offset %2 of piece %3, which has %4 bytes</source>
        <translation>der Peer hat %1 Bytes an Offset %2 von Stück %3 angefordert, das %4 Bytes groß ist</translation>
    </message>
    <message>
        <source>peer has more than %1 requests outstanding</source>
        <translation>der Peer hat mehr als %1 offene Anfragen</translation>
    </message>
    <message>
        <source>peer sent data we did not request (piece %1, offset %2, %3 bytes)</source>
        <translation>der Peer hat nicht angeforderte Daten gesendet (Stück %1, Offset %2, %3 Bytes)</translation>
    </message>
    <message>
        <source>peer rejected a request we did not make (piece %1, offset %2, %3 bytes)</source>
        <translation>der Peer hat eine Anfrage abgelehnt, die wir nicht gestellt haben (Stück %1, Offset %2, %3 Bytes)</translation>
    </message>
    <message>
        <source>peer allowed piece %1 fast, but the content has only %2 pieces</source>
        <translation>Peer hat Stück %1 als „allowed fast“ freigegeben, der Inhalt hat aber nur %2 Stücke</translation>
    </message>
</context>
<context>
    <name>opendo::policy</name>
    <message>
        <source>HTTP only: no peer-to-peer</source>
        <translation>Nur HTTP: kein Peer-to-Peer</translation>
    </message>
    <message>
        <source>LAN: peers behind the same NAT</source>
        <translation>LAN: Peers hinter demselben NAT</translation>
    </message>
    <message>
        <source>Group: peers of the same group, across NATs</source>
        <translation>Gruppe: Peers derselben Gruppe, auch über NATs hinweg</translation>
    </message>
    <message>
        <source>Internet: LAN and Internet peers</source>
        <translation>Internet: LAN- und Internet-Peers</translation>
    </message>
    <message>
        <source>Simple: HTTP only, no cloud service</source>
        <translation>Einfach: nur HTTP, kein Clouddienst</translation>
    </message>
    <message>
        <source>Bypass: hand over to BITS (deprecated)</source>
        <translation>Umgehen: Übergabe an BITS (veraltet)</translation>
    </message>
    <message>
        <source>Unset: AD site, then domain SID, then tenant ID</source>
        <translation>Nicht festgelegt: AD-Standort, dann Domänen-SID, dann Mandanten-ID</translation>
    </message>
    <message>
        <source>Active Directory site</source>
        <translation>Active Directory-Standort</translation>
    </message>
    <message>
        <source>Authenticated domain SID</source>
        <translation>Authentifizierte Domänen-SID</translation>
    </message>
    <message>
        <source>DHCP option 234</source>
        <translation>DHCP-Option 234</translation>
    </message>
    <message>
        <source>DNS suffix</source>
        <translation>DNS-Suffix</translation>
    </message>
    <message>
        <source>Microsoft Entra tenant ID</source>
        <translation>Microsoft Entra-Mandanten-ID</translation>
    </message>
    <message>
        <source>No restriction</source>
        <translation>Keine Einschränkung</translation>
    </message>
    <message>
        <source>Same subnet only</source>
        <translation>Nur dasselbe Subnetz</translation>
    </message>
    <message>
        <source>Local peers found through DNS-SD</source>
        <translation>Über DNS-SD gefundene lokale Peers</translation>
    </message>
    <message>
        <source>No DNS-SD cache server discovery</source>
        <translation>Keine Cacheserver-Erkennung über DNS-SD</translation>
    </message>
    <message>
        <source>DHCP option 235</source>
        <translation>DHCP-Option 235</translation>
    </message>
    <message>
        <source>DHCP option 235, overriding DOCacheHost</source>
        <translation>DHCP-Option 235, mit Vorrang vor DOCacheHost</translation>
    </message>
    <message>
        <source>No peering while on VPN</source>
        <translation>Kein Peering bei VPN-Verbindung</translation>
    </message>
    <message>
        <source>Peering allowed while on VPN</source>
        <translation>Peering bei VPN-Verbindung erlaubt</translation>
    </message>
    <message>
        <source>Cache servers used while on VPN</source>
        <translation>Cacheserver bei VPN-Verbindung verwenden</translation>
    </message>
    <message>
        <source>Cache servers skipped while on VPN</source>
        <translation>Cacheserver bei VPN-Verbindung überspringen</translation>
    </message>
    <message>
        <source>Unlimited: kept until the space is needed</source>
        <translation>Unbegrenzt: bleibt erhalten, bis der Platz benötigt wird</translation>
    </message>
    <message>
        <source>No policy limit: the service default applies (no uploads on battery)</source>
        <translation>Kein Richtlinienlimit: Es gilt der Dienststandard (keine Uploads im Akkubetrieb)</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Dynamic: adapts to the available bandwidth</source>
        <translation>Dynamisch: passt sich der verfügbaren Bandbreite an</translation>
    </message>
    <message>
        <source>No delay</source>
        <translation>Keine Verzögerung</translation>
    </message>
    <message>
        <source>Which sources besides the origin server a download may use, from none to Internet peers.</source>
        <translation>Welche Quellen außer dem Ursprungsserver ein Download nutzen darf, von keinen bis zu Internet-Peers.</translation>
    </message>
    <message>
        <source>OpenDO uses 1 (LAN) as the default, like the reference page and the ADML preset; the CSP property table lists 0. Value 100 (Bypass) is deprecated in Windows 11: use 0 to turn peering off, or 99 for offline devices. Values 99 and 100 exist since Windows 10 1607; the reference dates the setting to 1511, the CSP to 1507.</source>
        <translation>OpenDO verwendet 1 (LAN) als Standard, wie die Referenzseite und die ADML-Vorgabe; die CSP-Eigenschaftstabelle nennt 0. Wert 100 (Umgehen) ist in Windows 11 veraltet: Verwenden Sie 0, um Peering zu deaktivieren, oder 99 für Offlinegeräte. Die Werte 99 und 100 gibt es seit Windows 10 1607; laut Referenz gibt es die Einstellung seit 1511, laut CSP seit 1507.</translation>
    </message>
    <message>
        <source>A GUID that puts devices into one peer group for Group mode, even across sites and domains.</source>
        <translation>Eine GUID, die Geräte für den Gruppenmodus in eine Peergruppe einordnet, auch über Standorte und Domänen hinweg.</translation>
    </message>
    <message>
        <source>Sources disagree on precedence: the 2024 reference says DOGroupIdSource is ignored when DOGroupId is set, while the ADML and the 2019 CSP say setting DOGroupIdSource makes DOGroupId ignored. OpenDO follows the 2024 reference: DOGroupId wins when set. The CSP dates the setting to Windows 10 1607, the reference to 1511.</source>
        <translation>Die Quellen widersprechen sich beim Vorrang: Laut Referenz von 2024 wird DOGroupIdSource ignoriert, wenn DOGroupId festgelegt ist; laut ADML und CSP von 2019 wird dagegen DOGroupId ignoriert, wenn DOGroupIdSource festgelegt ist. OpenDO folgt der Referenz von 2024: DOGroupId hat Vorrang, wenn festgelegt. Laut CSP gibt es die Einstellung seit Windows 10 1607, laut Referenz seit 1511.</translation>
    </message>
    <message>
        <source>Where Group mode takes the group identity from when no Group ID is given.</source>
        <translation>Woher der Gruppenmodus die Gruppenidentität bezieht, wenn keine Gruppen-ID angegeben ist.</translation>
    </message>
    <message>
        <source>Value 5 (tenant ID) needs Windows 10 1903. OpenDO ignores this setting while DOGroupId is set (see DOGroupId for the disagreement between sources).</source>
        <translation>Wert 5 (Mandanten-ID) erfordert Windows 10 1903. OpenDO ignoriert diese Einstellung, solange DOGroupId festgelegt ist (zu den widersprüchlichen Quellen siehe DOGroupId).</translation>
    </message>
    <message>
        <source>Keeps LAN and Group peering to the own subnet or to locally discovered peers.</source>
        <translation>Beschränkt LAN- und Gruppen-Peering auf das eigene Subnetz oder auf lokal erkannte Peers.</translation>
    </message>
    <message>
        <source>How long a completed file stays in the cache and is offered to peers.</source>
        <translation>Wie lange eine fertige Datei im Cache bleibt und Peers angeboten wird.</translation>
    </message>
    <message>
        <source>OpenDO uses 259200 seconds (3 days), like the reference page and the ADML; the CSP text says 604800 (7 days). Value 0 needs Windows 10 1607; the reference dates the setting to 1511, the CSP to 1507.</source>
        <translation>OpenDO verwendet 259200 Sekunden (3 Tage), wie die Referenzseite und die ADML; der CSP-Text nennt 604800 (7 Tage). Wert 0 erfordert Windows 10 1607; laut Referenz gibt es die Einstellung seit 1511, laut CSP seit 1507.</translation>
    </message>
    <message>
        <source>Largest cache size as a share of the free space on the cache drive.</source>
        <translation>Maximale Cachegröße als Anteil am freien Speicherplatz des Cachelaufwerks.</translation>
    </message>
    <message>
        <source>The reference dates the setting to Windows 10 1511, the CSP to 1507.</source>
        <translation>Laut Referenz gibt es die Einstellung seit Windows 10 1511, laut CSP seit 1507.</translation>
    </message>
    <message>
        <source>OpenDO uses 10 GB, like the ADML and older documents; the 2024 reference says not configured and the CSP property default is 0 (unlimited).</source>
        <translation>OpenDO verwendet 10 GB, wie die ADML und ältere Dokumente; die Referenz von 2024 nennt „nicht konfiguriert“, und der CSP-Eigenschaftsstandard ist 0 (unbegrenzt).</translation>
    </message>
    <message>
        <source>Not set by default: on this platform the cache then lives inside the agent&apos;s data directory. On Windows the default is %SystemDrive%.</source>
        <translation>Standardmäßig nicht festgelegt: Auf dieser Plattform liegt der Cache dann im Datenverzeichnis des Agents. Unter Windows ist der Standard %SystemDrive%.</translation>
    </message>
    <message>
        <source>Files smaller than this many MB are not shared with peers.</source>
        <translation>Dateien unter dieser Größe in MB werden nicht mit Peers geteilt.</translation>
    </message>
    <message>
        <source>OpenDO uses 50 MB, like the reference and configuration pages; the CSP text and the ADML preset say 100 MB.</source>
        <translation>OpenDO verwendet 50 MB, wie die Referenz- und Konfigurationsseiten; CSP-Text und ADML-Vorgabe nennen 100 MB.</translation>
    </message>
    <message>
        <source>Speed ceiling in KB/s shared by all foreground downloads.</source>
        <translation>Gemeinsame Geschwindigkeitsobergrenze in KB/s für alle Downloads im Vordergrund.</translation>
    </message>
    <message>
        <source>Speed ceiling in KB/s shared by all background downloads.</source>
        <translation>Gemeinsame Geschwindigkeitsobergrenze in KB/s für alle Downloads im Hintergrund.</translation>
    </message>
    <message>
        <source>Foreground downloads together may use at most this share of the measured bandwidth.</source>
        <translation>Downloads im Vordergrund dürfen zusammen höchstens diesen Anteil der gemessenen Bandbreite nutzen.</translation>
    </message>
    <message>
        <source>Background downloads together may use at most this share of the measured bandwidth.</source>
        <translation>Downloads im Hintergrund dürfen zusammen höchstens diesen Anteil der gemessenen Bandbreite nutzen.</translation>
    </message>
    <message>
        <source>Background downloads are kept at least this fast in KB/s by adding HTTP traffic.</source>
        <translation>Downloads im Hintergrund werden durch zusätzlichen HTTP-Verkehr mindestens auf dieser Geschwindigkeit in KB/s gehalten.</translation>
    </message>
    <message>
        <source>OpenDO uses 500 KB/s (ADML, 2019 CSP, older reference); the 2024 reference says 2500 while still recommending 500, and the CSP from 2023 says 20480. The reference spells the key DOMinBackgroundQoS.</source>
        <translation>OpenDO verwendet 500 KB/s (ADML, CSP von 2019, ältere Referenz); die Referenz von 2024 nennt 2500, empfiehlt aber weiterhin 500, und der CSP von 2023 nennt 20480. Die Referenz schreibt den Schlüssel DOMinBackgroundQoS.</translation>
    </message>
    <message>
        <source>Legacy speed ceiling in KB/s for uploads to peers.</source>
        <translation>Legacy-Geschwindigkeitsobergrenze in KB/s für Uploads an Peers.</translation>
    </message>
    <message>
        <source>The original Windows 10 1511 ADMX already had it, without a range. Unlimited by default; DOMonthlyUploadDataCap still limits the upload volume.</source>
        <translation>Schon die ursprüngliche ADMX von Windows 10 1511 enthielt sie, ohne Bereich. Standardmäßig unbegrenzt; DOMonthlyUploadDataCap begrenzt weiterhin das Uploadvolumen.</translation>
    </message>
    <message>
        <source>GB a device may upload to Internet peers per calendar month.</source>
        <translation>GB, die ein Gerät pro Kalendermonat an Internet-Peers hochladen darf.</translation>
    </message>
    <message>
        <source>OpenDO uses 20 GB, like the reference page and the ADML; the CSP text from 2023 says 5120 GB (5 TB).</source>
        <translation>OpenDO verwendet 20 GB, wie die Referenzseite und die ADML; der CSP-Text von 2023 nennt 5120 GB (5 TB).</translation>
    </message>
    <message>
        <source>Seconds a foreground download tries peers before it also fetches over HTTP.</source>
        <translation>Sekunden, die ein Download im Vordergrund Peers versucht, bevor er zusätzlich über HTTP lädt.</translation>
    </message>
    <message>
        <source>Maximum 4294967295 follows the ADMX and the CSP from 2023; the 2019 CSP and Intune Graph allow at most 86400. The 2019 CSP describes 0 as managed by the cloud service.</source>
        <translation>Das Maximum 4294967295 folgt der ADMX und dem CSP von 2023; der CSP von 2019 und Intune Graph erlauben höchstens 86400. Der CSP von 2019 beschreibt 0 als vom Clouddienst verwaltet.</translation>
    </message>
    <message>
        <source>Seconds a background download tries peers before it also fetches over HTTP.</source>
        <translation>Sekunden, die ein Download im Hintergrund Peers versucht, bevor er zusätzlich über HTTP lädt.</translation>
    </message>
    <message>
        <source>Legacy single speed ceiling in KB/s for all downloads.</source>
        <translation>Gemeinsame Legacy-Geschwindigkeitsobergrenze in KB/s für alle Downloads.</translation>
    </message>
    <message>
        <source>Legacy single bandwidth share for all downloads.</source>
        <translation>Gemeinsamer Legacy-Bandbreitenanteil für alle Downloads.</translation>
    </message>
    <message>
        <source>The reference dates the deprecation to Windows 10 2004; the 2019 CSP already marked it deprecated.</source>
        <translation>Laut Referenz ist die Einstellung seit Windows 10 2004 veraltet; der CSP von 2019 kennzeichnete sie bereits als veraltet.</translation>
    </message>
    <message>
        <source>A daily window with one foreground bandwidth share inside it and another outside.</source>
        <translation>Ein tägliches Zeitfenster mit einem Bandbreitenanteil für den Vordergrund innerhalb und einem anderen außerhalb.</translation>
    </message>
    <message>
        <source>Hour at which the foreground business-hours window opens.</source>
        <translation>Stunde, zu der die Geschäftszeiten für den Vordergrund beginnen.</translation>
    </message>
    <message>
        <source>Hour at which the foreground business-hours window closes.</source>
        <translation>Stunde, zu der die Geschäftszeiten für den Vordergrund enden.</translation>
    </message>
    <message>
        <source>Foreground bandwidth share allowed inside business hours.</source>
        <translation>Zulässiger Bandbreitenanteil für den Vordergrund innerhalb der Geschäftszeiten.</translation>
    </message>
    <message>
        <source>Foreground bandwidth share allowed outside business hours.</source>
        <translation>Zulässiger Bandbreitenanteil für den Vordergrund außerhalb der Geschäftszeiten.</translation>
    </message>
    <message>
        <source>A daily window with one background bandwidth share inside it and another outside.</source>
        <translation>Ein tägliches Zeitfenster mit einem Bandbreitenanteil für den Hintergrund innerhalb und einem anderen außerhalb.</translation>
    </message>
    <message>
        <source>Hour at which the background business-hours window opens.</source>
        <translation>Stunde, zu der die Geschäftszeiten für den Hintergrund beginnen.</translation>
    </message>
    <message>
        <source>Hour at which the background business-hours window closes.</source>
        <translation>Stunde, zu der die Geschäftszeiten für den Hintergrund enden.</translation>
    </message>
    <message>
        <source>Background bandwidth share allowed inside business hours.</source>
        <translation>Zulässiger Bandbreitenanteil für den Hintergrund innerhalb der Geschäftszeiten.</translation>
    </message>
    <message>
        <source>Background bandwidth share allowed outside business hours.</source>
        <translation>Zulässiger Bandbreitenanteil für den Hintergrund außerhalb der Geschäftszeiten.</translation>
    </message>
    <message>
        <source>Comma-separated cache server names or addresses, tried one at a time in order.</source>
        <translation>Durch Kommas getrennte Namen oder Adressen von Cacheservern, die nacheinander in dieser Reihenfolge versucht werden.</translation>
    </message>
    <message>
        <source>The CSP dates the setting to Windows 10 1709, the reference to 1809.</source>
        <translation>Laut CSP gibt es die Einstellung seit Windows 10 1709, laut Referenz seit 1809.</translation>
    </message>
    <message>
        <source>Not set by default; the CSP says the client then tries DNS-SD cache discovery. OpenDO accepts 0-2, the documented values, although the CSP declares 0-4294967295. Value 0 appears only in newer CSP text; the ADMX and the reference list just 1 and 2.</source>
        <translation>Standardmäßig nicht festgelegt; laut CSP versucht der Client dann die Cacheerkennung über DNS-SD. OpenDO akzeptiert die dokumentierten Werte 0-2, obwohl der CSP 0-4294967295 deklariert. Wert 0 erscheint nur in neuerem CSP-Text; ADMX und Referenz nennen nur 1 und 2.</translation>
    </message>
    <message>
        <source>Seconds a foreground download keeps trying cache servers before using HTTP.</source>
        <translation>Sekunden, die ein Download im Vordergrund Cacheserver versucht, bevor er HTTP verwendet.</translation>
    </message>
    <message>
        <source>The reference page names it DelayCacheServerFallbackForeground, without the DO prefix.</source>
        <translation>Die Referenzseite nennt sie DelayCacheServerFallbackForeground, ohne das Präfix DO.</translation>
    </message>
    <message>
        <source>Seconds a background download keeps trying cache servers before using HTTP.</source>
        <translation>Sekunden, die ein Download im Hintergrund Cacheserver versucht, bevor er HTTP verwendet.</translation>
    </message>
    <message>
        <source>The reference page names it DelayCacheServerFallbackBackground, without the DO prefix.</source>
        <translation>Die Referenzseite nennt sie DelayCacheServerFallbackBackground, ohne das Präfix DO.</translation>
    </message>
    <message>
        <source>While on a VPN, skip cache servers and download from the origin instead.</source>
        <translation>Bei VPN-Verbindung Cacheserver überspringen und stattdessen vom Ursprungsserver laden.</translation>
    </message>
    <message>
        <source>The registry value name is assumed to equal the key (no ADMX from 22H2 on was available); the ADMX policy itself is named AllowCacheHostWithVPN. Needs Windows 11 22H2 build 10.0.22621.2361 per the 2024 CSP; the 2023 CSP said Windows 11 21H2.</source>
        <translation>Als Name des Registrierungswerts wird der Schlüssel angenommen (es lag keine ADMX ab 22H2 vor); die ADMX-Richtlinie selbst heißt AllowCacheHostWithVPN. Erfordert laut CSP von 2024 Windows 11 22H2 Build 10.0.22621.2361; der CSP von 2023 nannte Windows 11 21H2.</translation>
    </message>
    <message>
        <source>Devices with less memory than this many GB stay out of peering.</source>
        <translation>Geräte mit weniger Arbeitsspeicher als diese Anzahl GB nehmen nicht am Peering teil.</translation>
    </message>
    <message>
        <source>Devices whose cache drive holds fewer GB than this stay out of peering.</source>
        <translation>Geräte, deren Cachelaufwerk weniger GB als diesen Wert fasst, nehmen nicht am Peering teil.</translation>
    </message>
    <message>
        <source>On battery, a device serves LAN and Group peers only while its charge is at least this.</source>
        <translation>Im Akkubetrieb bedient ein Gerät LAN- und Gruppen-Peers nur, solange der Akkustand mindestens diesen Wert hat.</translation>
    </message>
    <message>
        <source>The CSP dates the setting to Windows 10 1703, the reference to 1709.</source>
        <translation>Laut CSP gibt es die Einstellung seit Windows 10 1703, laut Referenz seit 1709.</translation>
    </message>
    <message>
        <source>Keeps peering with domain peers going while a VPN is connected.</source>
        <translation>Setzt das Peering mit Domänen-Peers fort, während ein VPN verbunden ist.</translation>
    </message>
    <message>
        <source>More adapter-name words that mark a VPN, besides the built-in VPN, Secure and Virtual Private Network.</source>
        <translation>Weitere Wörter in Adapternamen, die ein VPN kennzeichnen, zusätzlich zu den integrierten VPN, Secure und Virtual Private Network.</translation>
    </message>
    <message>
        <source>Not set by default; the built-in keywords VPN, Secure and Virtual Private Network always apply. The registry value name is assumed to equal the key (no ADMX from 22H2 on was available). Needs Windows 11 22H2 build 10.0.22621.2361 per the 2024 CSP; the 2023 CSP said Windows 11 21H2.</source>
        <translation>Standardmäßig nicht festgelegt; die integrierten Schlüsselwörter VPN, Secure und Virtual Private Network gelten immer. Als Name des Registrierungswerts wird der Schlüssel angenommen (es lag keine ADMX ab 22H2 vor). Erfordert laut CSP von 2024 Windows 11 22H2 Build 10.0.22621.2361; der CSP von 2023 nannte Windows 11 21H2.</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 KB/s</source>
        <translation>%1 KB/s</translation>
    </message>
    <message>
        <source>%1:00</source>
        <translation>%1:00</translation>
    </message>
    <message>
        <source>Download mode and peers</source>
        <translation>Downloadmodus und Peers</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Bandbreite</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Geschäftszeiten</translation>
    </message>
    <message>
        <source>Cache servers</source>
        <translation>Cacheserver</translation>
    </message>
    <message>
        <source>VPN and power</source>
        <translation>VPN und Energie</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>On/off</source>
        <translation>Ein/Aus</translation>
    </message>
    <message>
        <source>GUID</source>
        <translation>GUID</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Nicht konfiguriert</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Single office LAN</source>
        <translation>LAN an einem Standort</translation>
    </message>
    <message>
        <source>All devices sit behind one Internet connection. LAN mode shares between devices behind the same public address, restricted to the local subnet; smaller files are shared too (10 MB), and finished files stay available to peers for a week.</source>
        <translation>Alle Geräte nutzen eine gemeinsame Internetverbindung. Der LAN-Modus teilt zwischen Geräten hinter derselben öffentlichen Adresse, beschränkt auf das lokale Subnetz; auch kleinere Dateien werden geteilt (10 MB), und fertige Dateien bleiben eine Woche lang für Peers verfügbar.</translation>
    </message>
    <message>
        <source>Branch offices sharing a group</source>
        <translation>Zweigstellen in einer gemeinsamen Gruppe</translation>
    </message>
    <message>
        <source>Sites connected by a WAN or VPN share content across their NATs. Group mode with a newly generated group id: deploy the same id to every device of the group. Uploads are capped at 50 GB a month and HTTP waits 60 s in the background so peers are tried first.</source>
        <translation>Über WAN oder VPN verbundene Standorte teilen Inhalte über ihre NATs hinweg. Gruppenmodus mit neu erzeugter Gruppen-ID: Verteilen Sie dieselbe ID an alle Geräte der Gruppe. Uploads sind auf 50 GB pro Monat begrenzt, und HTTP wartet im Hintergrund 60 s, damit zuerst Peers versucht werden.</translation>
    </message>
    <message>
        <source>Remote and VPN workers</source>
        <translation>Remote- und VPN-Mitarbeiter</translation>
    </message>
    <message>
        <source>Laptops at home or on a VPN should not pull content across the corporate tunnel or drain their battery. Peering pauses on VPN (common VPN adapter names are matched), cache servers are skipped on VPN, uploads on battery need at least 60 % charge, and devices with less than 8 GB RAM do not serve peers.</source>
        <translation>Laptops im Homeoffice oder im VPN sollen keine Inhalte durch den Unternehmenstunnel laden oder ihren Akku leeren. Peering pausiert bei VPN-Verbindung (gängige VPN-Adapternamen werden erkannt), Cacheserver werden bei VPN übersprungen, Uploads im Akkubetrieb erfordern mindestens 60 % Akkustand, und Geräte mit weniger als 8 GB RAM bedienen keine Peers.</translation>
    </message>
    <message>
        <source>Bandwidth-limited site with business hours</source>
        <translation>Standort mit knapper Bandbreite und Geschäftszeiten</translation>
    </message>
    <message>
        <source>A site on a thin WAN link: during business hours (8:00 to 17:00) background downloads may use 20 % and foreground downloads 60 % of the measured bandwidth, outside them 90 % and 100 %. Background downloads wait up to an hour for peers before using HTTP, and the background speed floor is lowered to 100 KB/s.</source>
        <translation>Ein Standort mit schmaler WAN-Anbindung: Während der Geschäftszeiten (8:00 bis 17:00) dürfen Downloads im Hintergrund 20 % und im Vordergrund 60 % der gemessenen Bandbreite nutzen, außerhalb 90 % und 100 %. Downloads im Hintergrund warten bis zu eine Stunde auf Peers, bevor sie HTTP verwenden, und die Mindestgeschwindigkeit im Hintergrund wird auf 100 KB/s gesenkt.</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Local setting</source>
        <translation>Lokale Einstellung</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>%1 is not a Delivery Optimization setting.</source>
        <translation>%1 ist keine Einstellung der Übermittlungsoptimierung.</translation>
    </message>
    <message>
        <source>The settings could not be saved, nothing was changed: %1</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden, es wurde nichts geändert: %1</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number.</source>
        <translation>%1: „%2“ ist keine ganze Zahl.</translation>
    </message>
    <message>
        <source>%1: %2 is not one of the allowed values: %3.</source>
        <translation>%1: %2 ist keiner der zulässigen Werte: %3.</translation>
    </message>
    <message>
        <source>%1: %2 is outside the allowed range %3 to %4%5.</source>
        <translation>%1: %2 liegt außerhalb des zulässigen Bereichs %3 bis %4%5.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a GUID; a group id looks like 1f2e3d4c-5b6a-4789-8123-456789abcdef.</source>
        <translation>%1: „%2“ ist keine GUID; eine Gruppen-ID sieht so aus: 1f2e3d4c-5b6a-4789-8123-456789abcdef.</translation>
    </message>
    <message>
        <source>%1: the value is %2 characters long; at most %3 are allowed.</source>
        <translation>%1: Der Wert ist %2 Zeichen lang; zulässig sind höchstens %3.</translation>
    </message>
    <message>
        <source>%1: the value contains a control character (U+%2).</source>
        <translation>%1: Der Wert enthält ein Steuerzeichen (U+%2).</translation>
    </message>
    <message>
        <source>%1: the value is empty; reset the setting instead to leave it unconfigured.</source>
        <translation>%1: Der Wert ist leer; setzen Sie stattdessen die Einstellung zurück, um sie nicht zu konfigurieren.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; has an empty item; separate items with single commas.</source>
        <translation>%1: „%2“ enthält einen leeren Eintrag; trennen Sie Einträge durch einzelne Kommas.</translation>
    </message>
    <message>
        <source>%1 has no value of its own; set its From, To, In and Out values.</source>
        <translation>%1 hat keinen eigenen Wert; legen Sie die Werte From, To, In und Out fest.</translation>
    </message>
    <message>
        <source>%1: the business-hours window ends at %2:00, the hour it starts; a window needs a different start and end hour (it may wrap past midnight).</source>
        <translation>%1: Das Geschäftszeitenfenster endet um %2:00, zur selben Stunde, zu der es beginnt; Beginn und Ende müssen verschieden sein (das Fenster darf über Mitternacht reichen).</translation>
    </message>
    <message>
        <source>%1: the business-hours payload %2</source>
        <translation>%1: Die Geschäftszeiten-Nutzdaten %2</translation>
    </message>
    <message>
        <source>contains stray text &quot;%1&quot;.</source>
        <translation>enthalten überzähligen Text „%1“.</translation>
    </message>
    <message>
        <source>contains an unexpected &lt;%1&gt;; only &lt;enabled/&gt;, &lt;disabled/&gt; and &lt;data id=&quot;...&quot; value=&quot;...&quot;/&gt; belong there.</source>
        <translation>enthalten ein unerwartetes &lt;%1&gt;; zulässig sind dort nur &lt;enabled/&gt;, &lt;disabled/&gt; und &lt;data id=&quot;...&quot; value=&quot;...&quot;/&gt;.</translation>
    </message>
    <message>
        <source>has an unknown or repeated data id &quot;%1&quot;; expected %2.</source>
        <translation>enthalten eine unbekannte oder doppelte Daten-ID „%1“; erwartet: %2.</translation>
    </message>
    <message>
        <source>is not well-formed XML: %1</source>
        <translation>sind kein wohlgeformtes XML: %1</translation>
    </message>
    <message>
        <source>must be either &lt;enabled/&gt; with its four values, or &lt;disabled/&gt; alone.</source>
        <translation>müssen entweder aus &lt;enabled/&gt; mit den vier Werten oder nur aus &lt;disabled/&gt; bestehen.</translation>
    </message>
    <message>
        <source>lacks &lt;data id=&quot;%1&quot; value=&quot;...&quot;/&gt;.</source>
        <translation>enthalten kein &lt;data id=&quot;%1&quot; value=&quot;...&quot;/&gt;.</translation>
    </message>
    <message>
        <source>key &quot;%1&quot;</source>
        <translation>Schlüssel „%1“</translation>
    </message>
    <message>
        <source>%1 must be a whole number, not %2.</source>
        <translation>%1 muss eine ganze Zahl sein, nicht %2.</translation>
    </message>
    <message>
        <source>%1 must be %2 or null (to remove the setting).</source>
        <translation>%1 muss %2 oder null sein (null entfernt die Einstellung).</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenfolge</translation>
    </message>
    <message>
        <source>byte offset %1: the file is not valid JSON: %2.</source>
        <translation>Byte-Offset %1: Die Datei ist kein gültiges JSON: %2.</translation>
    </message>
    <message>
        <source>the file must hold a JSON object with &quot;format&quot;, &quot;version&quot; and &quot;policies&quot;.</source>
        <translation>Die Datei muss ein JSON-Objekt mit &quot;format&quot;, &quot;version&quot; und &quot;policies&quot; enthalten.</translation>
    </message>
    <message>
        <source>unknown top-level key; expected &quot;format&quot;, &quot;version&quot; and &quot;policies&quot;.</source>
        <translation>Unbekannter Schlüssel auf oberster Ebene; erwartet werden &quot;format&quot;, &quot;version&quot; und &quot;policies&quot;.</translation>
    </message>
    <message>
        <source>must be &quot;%1&quot;.</source>
        <translation>muss &quot;%1&quot; sein.</translation>
    </message>
    <message>
        <source>must be %1; this file has another version or none.</source>
        <translation>muss %1 sein; diese Datei hat eine andere oder keine Version.</translation>
    </message>
    <message>
        <source>must be an object mapping setting names to values.</source>
        <translation>muss ein Objekt sein, das Einstellungsnamen Werten zuordnet.</translation>
    </message>
    <message>
        <source>Registry file (.reg)</source>
        <translation>Registrierungsdatei (.reg)</translation>
    </message>
    <message>
        <source>Group Policy Registry.pol (.pol)</source>
        <translation>Gruppenrichtlinien-Registry.pol (.pol)</translation>
    </message>
    <message>
        <source>MDM SyncML (.xml)</source>
        <translation>MDM SyncML (.xml)</translation>
    </message>
    <message>
        <source>OpenDO JSON (.json)</source>
        <translation>OpenDO JSON (.json)</translation>
    </message>
    <message>
        <source>The file is %1 bytes long; policy files larger than %2 bytes are not read.</source>
        <translation>Die Datei ist %1 Bytes groß; Richtliniendateien über %2 Bytes werden nicht gelesen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is a business-hours group and has no value of its own; set %2 instead.</source>
        <translation>%1 ist eine Geschäftszeiten-Gruppe ohne eigenen Wert; legen Sie stattdessen %2 fest.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Delivery Optimization setting OpenDO knows.</source>
        <translation>„%1“ ist keine Einstellung der Übermittlungsoptimierung, die OpenDO kennt.</translation>
    </message>
    <message>
        <source>the value has no name; Delivery Optimization settings are named values.</source>
        <translation>Der Wert hat keinen Namen; Einstellungen der Übermittlungsoptimierung sind benannte Werte.</translation>
    </message>
    <message>
        <source>%1 holds a number (REG_DWORD), but the document gives it as text.</source>
        <translation>%1 enthält eine Zahl (REG_DWORD), das Dokument gibt den Wert aber als Text an.</translation>
    </message>
    <message>
        <source>%1 holds text (REG_SZ), but the document gives it as a number.</source>
        <translation>%1 enthält Text (REG_SZ), das Dokument gibt den Wert aber als Zahl an.</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>UTF-16 big-endian files are not supported; save the file as UTF-16LE or UTF-8.</source>
        <translation>UTF-16-Big-Endian-Dateien werden nicht unterstützt; speichern Sie die Datei als UTF-16LE oder UTF-8.</translation>
    </message>
    <message>
        <source>the UTF-16 text ends in the middle of a character.</source>
        <translation>Der UTF-16-Text endet mitten in einem Zeichen.</translation>
    </message>
    <message>
        <source>the text is not valid UTF-16LE.</source>
        <translation>Der Text ist kein gültiges UTF-16LE.</translation>
    </message>
    <message>
        <source>the text is not valid UTF-8.</source>
        <translation>Der Text ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>a backslash in a quoted string must be written as \\.</source>
        <translation>Ein Backslash in einer Zeichenfolge in Anführungszeichen muss als \\ geschrieben werden.</translation>
    </message>
    <message>
        <source>a quoted string is not closed.</source>
        <translation>Eine Zeichenfolge in Anführungszeichen wird nicht geschlossen.</translation>
    </message>
    <message>
        <source>expected = after the value name.</source>
        <translation>Nach dem Wertnamen wird = erwartet.</translation>
    </message>
    <message>
        <source>unexpected text after the closing quote.</source>
        <translation>Unerwarteter Text nach dem schließenden Anführungszeichen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a dword; write 1 to 8 hexadecimal digits, e.g. dword:0000000a.</source>
        <translation>„%1“ ist kein dword; schreiben Sie 1 bis 8 Hexadezimalziffern, z. B. dword:0000000a.</translation>
    </message>
    <message>
        <source>%1 values are not supported; Delivery Optimization settings are dword or string values.</source>
        <translation>%1-Werte werden nicht unterstützt; Einstellungen der Übermittlungsoptimierung sind dword- oder Zeichenfolgenwerte.</translation>
    </message>
    <message>
        <source>cannot read the value; expected dword:XXXXXXXX, &quot;text&quot; or -.</source>
        <translation>Der Wert kann nicht gelesen werden; erwartet wird dword:XXXXXXXX, &quot;Text&quot; oder -.</translation>
    </message>
    <message>
        <source>expected the header &quot;%1&quot; (or %2).</source>
        <translation>Kopfzeile „%1“ (oder %2) erwartet.</translation>
    </message>
    <message>
        <source>the key line lacks its ].</source>
        <translation>Der Schlüsselzeile fehlt die schließende ].</translation>
    </message>
    <message>
        <source>[%1] is not the Delivery Optimization policy key HKEY_LOCAL_MACHINE\%2; a policy file may only contain that key.</source>
        <translation>[%1] ist nicht der Richtlinienschlüssel der Übermittlungsoptimierung HKEY_LOCAL_MACHINE\%2; eine Richtliniendatei darf nur diesen Schlüssel enthalten.</translation>
    </message>
    <message>
        <source>the key&apos;s default value (@) is not a Delivery Optimization setting.</source>
        <translation>Der Standardwert des Schlüssels (@) ist keine Einstellung der Übermittlungsoptimierung.</translation>
    </message>
    <message>
        <source>cannot read this line; expected a [key], a &quot;Name&quot;=value line or a ; comment.</source>
        <translation>Diese Zeile kann nicht gelesen werden; erwartet wird ein [Schlüssel], eine Zeile &quot;Name&quot;=Wert oder ein ;-Kommentar.</translation>
    </message>
    <message>
        <source>a value must follow the [%1] key line.</source>
        <translation>Auf die Schlüsselzeile [%1] muss ein Wert folgen.</translation>
    </message>
    <message>
        <source>the file is empty; expected the header &quot;%1&quot;.</source>
        <translation>Die Datei ist leer; erwartet wird die Kopfzeile „%1“.</translation>
    </message>
    <message>
        <source>byte offset %1 (0x%2)</source>
        <translation>Byte-Offset %1 (0x%2)</translation>
    </message>
    <message>
        <source>expected &apos;%1&apos; (UTF-16LE) but found 0x%2.</source>
        <translation>&apos;%1&apos; (UTF-16LE) erwartet, aber 0x%2 gefunden.</translation>
    </message>
    <message>
        <source>the %1 has an odd number of bytes left, so it is not UTF-16LE.</source>
        <translation>Für das Feld „%1“ bleibt eine ungerade Anzahl Bytes; es ist daher kein UTF-16LE.</translation>
    </message>
    <message>
        <source>the %1 has no NUL terminator before the end of the file.</source>
        <translation>Das Feld „%1“ hat vor dem Dateiende kein abschließendes NUL-Zeichen.</translation>
    </message>
    <message>
        <source>the data size %1 runs past the end of the file (%2 bytes left).</source>
        <translation>Die Datengröße %1 reicht über das Dateiende hinaus (noch %2 Bytes übrig).</translation>
    </message>
    <message>
        <source>the file ends in the middle of an entry (expected %1).</source>
        <translation>Die Datei endet mitten in einem Eintrag (erwartet: %1).</translation>
    </message>
    <message>
        <source>the string data has an odd number of bytes, so it is not UTF-16LE.</source>
        <translation>Die Zeichenfolgendaten haben eine ungerade Anzahl Bytes und sind daher kein UTF-16LE.</translation>
    </message>
    <message>
        <source>the string data is not NUL-terminated.</source>
        <translation>Die Zeichenfolgendaten sind nicht mit NUL abgeschlossen.</translation>
    </message>
    <message>
        <source>the string data contains a NUL character before its end.</source>
        <translation>Die Zeichenfolgendaten enthalten vor ihrem Ende ein NUL-Zeichen.</translation>
    </message>
    <message>
        <source>the special value %1 is not supported in a Delivery Optimization policy file.</source>
        <translation>Der Sonderwert %1 wird in einer Richtliniendatei der Übermittlungsoptimierung nicht unterstützt.</translation>
    </message>
    <message>
        <source>%1: a REG_DWORD holds 4 bytes, not %2.</source>
        <translation>%1: Ein REG_DWORD umfasst 4 Bytes, nicht %2.</translation>
    </message>
    <message>
        <source>%1: registry type %2 is not supported; Delivery Optimization settings are REG_DWORD (4) or REG_SZ (1).</source>
        <translation>%1: Der Registrierungstyp %2 wird nicht unterstützt; Einstellungen der Übermittlungsoptimierung sind REG_DWORD (4) oder REG_SZ (1).</translation>
    </message>
    <message>
        <source>the file does not start with the Registry.pol signature PReg followed by a version.</source>
        <translation>Die Datei beginnt nicht mit der Registry.pol-Signatur PReg und einer Versionsnummer.</translation>
    </message>
    <message>
        <source>Registry.pol version %1 is not supported; only version 1 exists.</source>
        <translation>Registry.pol-Version %1 wird nicht unterstützt; es gibt nur Version 1.</translation>
    </message>
    <message>
        <source>the entry is for key %1; a Delivery Optimization policy file may only contain %2.</source>
        <translation>Der Eintrag gilt für den Schlüssel %1; eine Richtliniendatei der Übermittlungsoptimierung darf nur %2 enthalten.</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>elements are nested more than %1 deep.</source>
        <translation>Elemente sind tiefer als %1 Ebenen verschachtelt.</translation>
    </message>
    <message>
        <source>unexpected text &quot;%1&quot;.</source>
        <translation>Unerwarteter Text „%1“.</translation>
    </message>
    <message>
        <source>document type declarations (DTD) are not allowed in a SyncML policy file.</source>
        <translation>Dokumenttypdeklarationen (DTD) sind in einer SyncML-Richtliniendatei nicht zulässig.</translation>
    </message>
    <message>
        <source>the root element is &lt;%1&gt;, not &lt;SyncML&gt;.</source>
        <translation>Das Stammelement ist &lt;%1&gt;, nicht &lt;SyncML&gt;.</translation>
    </message>
    <message>
        <source>unexpected &lt;%1&gt; in &lt;SyncML&gt;.</source>
        <translation>Unerwartetes &lt;%1&gt; in &lt;SyncML&gt;.</translation>
    </message>
    <message>
        <source>the document has no &lt;SyncML&gt;&lt;SyncBody&gt;.</source>
        <translation>Das Dokument enthält kein &lt;SyncML&gt;&lt;SyncBody&gt;.</translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not supported; a policy file uses &lt;Replace&gt;, &lt;Add&gt; and &lt;Delete&gt;.</source>
        <translation>&lt;%1&gt; wird nicht unterstützt; eine Richtliniendatei verwendet &lt;Replace&gt;, &lt;Add&gt; und &lt;Delete&gt;.</translation>
    </message>
    <message>
        <source>&lt;LocURI&gt;%1&lt;/LocURI&gt; is not a Delivery Optimization Policy CSP node; expected %2&lt;setting&gt;.</source>
        <translation>&lt;LocURI&gt;%1&lt;/LocURI&gt; ist kein Policy CSP-Knoten der Übermittlungsoptimierung; erwartet: %2&lt;Einstellung&gt;.</translation>
    </message>
    <message>
        <source>%1 is not a Policy CSP node of its own; set it through %2%3.</source>
        <translation>%1 ist kein eigener Policy CSP-Knoten; legen Sie den Wert über %2%3 fest.</translation>
    </message>
    <message>
        <source>%1: the &lt;Item&gt; has no &lt;Data&gt;.</source>
        <translation>%1: Das &lt;Item&gt; enthält kein &lt;Data&gt;.</translation>
    </message>
    <message>
        <source>%1: &lt;Format&gt; %2 is not supported here; use %3.</source>
        <translation>%1: &lt;Format&gt; %2 wird hier nicht unterstützt; verwenden Sie %3.</translation>
    </message>
    <message>
        <source>Largest cache size in GB; wins over the percentage limit, except when only the percentage is configured. 0 leaves the limit to the percentage.</source>
        <translation>Größte Cachegröße in GB; hat Vorrang vor dem Prozentlimit, außer wenn nur der Prozentwert konfiguriert ist. 0 überlässt das Limit dem Prozentwert.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a cache server: %3. Give host names or IP addresses, e.g. cache1.example.com,10.0.0.7.</source>
        <translation>%1: „%2“ ist kein Cacheserver: %3. Geben Sie Hostnamen oder IP-Adressen an, z. B. cache1.example.com,10.0.0.7.</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>der Name ist leer</translation>
    </message>
    <message>
        <source>give a host name or address, not a URL</source>
        <translation>geben Sie einen Hostnamen oder eine Adresse an, keine URL</translation>
    </message>
    <message>
        <source>an IPv6 address in brackets lacks its closing bracket</source>
        <translation>einer IPv6-Adresse in Klammern fehlt die schließende Klammer</translation>
    </message>
    <message>
        <source>only a port may follow the IPv6 address</source>
        <translation>auf die IPv6-Adresse darf nur ein Port folgen</translation>
    </message>
    <message>
        <source>the part in brackets is not an IPv6 address</source>
        <translation>der Teil in Klammern ist keine IPv6-Adresse</translation>
    </message>
    <message>
        <source>it is neither a host name nor an IP address</source>
        <translation>es ist weder ein Hostname noch eine IP-Adresse</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation>der Port muss eine Zahl von 1 bis 65535 sein</translation>
    </message>
    <message>
        <source>Drive, folder or environment variable to keep the cache in instead of the default place. The running agent moves its cache there once no download is writing to it; cached content moves along, except across file systems, where it is evicted.</source>
        <translation>Laufwerk, Ordner oder Umgebungsvariable für den Cache anstelle des Standardorts. Der laufende Agent verlegt seinen Cache dorthin, sobald kein Download mehr hineinschreibt; zwischengespeicherte Inhalte ziehen mit um, außer über Dateisystemgrenzen hinweg, wo sie entfernt werden.</translation>
    </message>
    <message>
        <source>OpenDO uses 0 (no restriction), the Windows 10 default. The Windows 11 default is disputed: Subnet in LAN mode (reference 2024), Local peer discovery (CSP note), or DNS-SD for consumer and Subnet for commercial devices (reference 2023). The reference page calls value 0 NAT; value 2 needs Windows 11 22H2 and older ADMX files offer only 0 and 1. OpenDO finds local peers with multicast DNS (service _opendo._tcp, UDP 5353 or the LocalDiscoveryPort setting): devices on one network segment only.</source>
        <translation>OpenDO verwendet 0 (keine Einschränkung), den Standard von Windows 10. Der Standard von Windows 11 ist umstritten: Subnetz im LAN-Modus (Referenz 2024), lokale Peererkennung (CSP-Hinweis) oder DNS-SD für Privat- und Subnetz für Unternehmensgeräte (Referenz 2023). Die Referenzseite nennt Wert 0 NAT; Wert 2 erfordert Windows 11 22H2, und ältere ADMX-Dateien bieten nur 0 und 1. OpenDO findet lokale Peers mit Multicast-DNS (Dienst _opendo._tcp, UDP 5353 oder die Einstellung LocalDiscoveryPort): nur Geräte im selben Netzsegment.</translation>
    </message>
    <message>
        <source>Takes cache servers from DHCP option 235: 1 when DOCacheHost is empty, 2 in preference to it. OpenDO reads the option from the DHCP client&apos;s lease files. Not set, with DOCacheHost empty: cache servers announced on the local link by DNS-SD (_opendo-cache._tcp) are used for verifiable downloads; 0 stops that.</source>
        <translation>Bezieht Cache-Server aus DHCP-Option 235: 1, wenn DOCacheHost leer ist, 2 vorrangig davor. OpenDO liest die Option aus den Lease-Dateien des DHCP-Clients. Nicht gesetzt und DOCacheHost leer: Cache-Server, die im lokalen Netzsegment per DNS-SD (_opendo-cache._tcp) angekündigt werden, dienen prüfbaren Downloads; 0 schaltet das ab.</translation>
    </message>
</context>
<context>
    <name>opendo::transfer</name>
    <message>
        <source>the server answered HTTP %1 %2</source>
        <translation>der Server antwortete mit HTTP %1 %2</translation>
    </message>
    <message>
        <source>the host name %1 could not be resolved</source>
        <translation>der Hostname %1 konnte nicht aufgelöst werden</translation>
    </message>
    <message>
        <source>the connection to %1 was refused</source>
        <translation>die Verbindung zu %1 wurde abgelehnt</translation>
    </message>
    <message>
        <source>the connection to %1 timed out</source>
        <translation>bei der Verbindung zu %1 ist das Zeitlimit abgelaufen</translation>
    </message>
    <message>
        <source>the server closed the connection before answering</source>
        <translation>der Server hat die Verbindung vor seiner Antwort geschlossen</translation>
    </message>
    <message>
        <source>the network failed: %1</source>
        <translation>Netzwerkfehler: %1</translation>
    </message>
    <message>
        <source>the proxy failed: %1</source>
        <translation>Proxyfehler: %1</translation>
    </message>
    <message>
        <source>the proxy refused the request: %1</source>
        <translation>der Proxy hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (bytes %3-%4), %n attempt(s)</source>
        <translation>
            <numerusform>%1: %2 (Bytes %3-%4), %n Versuch</numerusform>
            <numerusform>%1: %2 (Bytes %3-%4), %n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>the range is empty or negative</source>
        <translation>der Bereich ist leer oder negativ</translation>
    </message>
    <message>
        <source>the server sent Content-Range &quot;%1&quot; for a request of bytes %2-%3</source>
        <translation>der Server hat Content-Range „%1“ auf eine Anfrage nach den Bytes %2-%3 gesendet</translation>
    </message>
    <message>
        <source>the file is now %1 bytes instead of %2</source>
        <translation>die Datei ist jetzt %1 statt %2 Bytes groß</translation>
    </message>
    <message>
        <source>the server sent Content-Range &quot;%1&quot; for a request of bytes 0-0</source>
        <translation>der Server hat Content-Range „%1“ auf eine Anfrage nach den Bytes 0-0 gesendet</translation>
    </message>
    <message>
        <source>the server ignores byte ranges and does not state the size</source>
        <translation>der Server ignoriert Bytebereiche und gibt die Größe nicht an</translation>
    </message>
    <message>
        <source>the server closed the connection after %1 of %2 bytes</source>
        <translation>der Server hat die Verbindung nach %1 von %2 Bytes geschlossen</translation>
    </message>
    <message>
        <source>no data arrived for %1 ms after %2 of %3 bytes</source>
        <translation>nach %2 von %3 Bytes kamen %1 ms lang keine Daten an</translation>
    </message>
    <message>
        <source>Cannot %1 %2: %3</source>
        <translation>Vorgang „%1“ für %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not ADDRESS:PORT: %2</source>
        <translation>„%1“ hat nicht die Form ADRESSE:PORT: %2</translation>
    </message>
    <message>
        <source>the port is missing</source>
        <translation>der Port fehlt</translation>
    </message>
    <message>
        <source>write IPv6 addresses in brackets, e.g. [::1]:7680</source>
        <translation>IPv6-Adressen in eckigen Klammern angeben, z. B. [::1]:7680</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address</source>
        <translation>„%1“ ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation>der Port muss eine Zahl zwischen 1 und 65535 sein</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Cache server</source>
        <translation>Cacheserver</translation>
    </message>
    <message>
        <source>LAN peers</source>
        <translation>LAN-Peers</translation>
    </message>
    <message>
        <source>Group peers</source>
        <translation>Gruppen-Peers</translation>
    </message>
    <message>
        <source>Internet peers</source>
        <translation>Internet-Peers</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 GB RAM, minimum %2 GB</source>
        <translation>%1 GB RAM, mindestens %2 GB</translation>
    </message>
    <message>
        <source>This device has %1 GB of RAM; %2 requires %3 GB. Lower %2 to let it share with peers.</source>
        <translation>Dieses Gerät hat %1 GB RAM; %2 erfordert %3 GB. Senken Sie %2, damit es Inhalte mit Peers teilen kann.</translation>
    </message>
    <message>
        <source>%1 GB cache drive, minimum %2 GB</source>
        <translation>Cache-Laufwerk mit %1 GB, mindestens %2 GB</translation>
    </message>
    <message>
        <source>The drive holding the cache has %1 GB; %2 requires %3 GB. Lower %2 or move the cache to a larger drive with DOModifyCacheDrive to let this device share with peers.</source>
        <translation>Das Laufwerk mit dem Cache hat %1 GB; %2 erfordert %3 GB. Senken Sie %2 oder verlegen Sie den Cache mit DOModifyCacheDrive auf ein größeres Laufwerk, damit dieses Gerät Inhalte mit Peers teilen kann.</translation>
    </message>
    <message>
        <source>no battery</source>
        <translation>kein Akku</translation>
    </message>
    <message>
        <source>battery at %1 %, on external power</source>
        <translation>Akkustand %1 %, externe Stromversorgung</translation>
    </message>
    <message>
        <source>on battery at %1 %, not limited</source>
        <translation>Akkubetrieb mit %1 % Akkustand, nicht begrenzt</translation>
    </message>
    <message>
        <source>on battery at %1 %, minimum %2 %</source>
        <translation>Akkubetrieb mit %1 % Akkustand, mindestens %2 %</translation>
    </message>
    <message>
        <source>This device runs on battery at %1 %; %2 requires %3 % for uploads. Connect it to power or lower %2 to let it share with peers.</source>
        <translation>Dieses Gerät läuft im Akkubetrieb mit %1 % Akkustand; %2 erfordert %3 % für Uploads. Schließen Sie es an die Stromversorgung an oder senken Sie %2, damit es Inhalte mit Peers teilen kann.</translation>
    </message>
    <message>
        <source>%1 GB uploaded to Internet peers this month, unlimited</source>
        <translation>%1 GB in diesem Monat an Internet-Peers hochgeladen, unbegrenzt</translation>
    </message>
    <message>
        <source>%1 GB uploaded to Internet peers this month, cap %2 GB</source>
        <translation>%1 GB in diesem Monat an Internet-Peers hochgeladen, Obergrenze %2 GB</translation>
    </message>
    <message>
        <source>This device has uploaded %1 GB to Internet peers this month, reaching the %2 GB of %3. Raise %3 (0 means unlimited) or wait for the next month.</source>
        <translation>Dieses Gerät hat in diesem Monat %1 GB an Internet-Peers hochgeladen und damit die %2 GB von %3 erreicht. Erhöhen Sie %3 (0 bedeutet unbegrenzt) oder warten Sie bis zum nächsten Monat.</translation>
    </message>
    <message>
        <source>no VPN connection</source>
        <translation>keine VPN-Verbindung</translation>
    </message>
    <message>
        <source>VPN connection %1, peering allowed on VPN</source>
        <translation>VPN-Verbindung %1, Peering bei VPN-Verbindung erlaubt</translation>
    </message>
    <message>
        <source>VPN connection %1</source>
        <translation>VPN-Verbindung %1</translation>
    </message>
    <message>
        <source>Peering pauses while a VPN is connected (%1). Set %2 to 1 to keep peering on a VPN.</source>
        <translation>Peering pausiert, solange ein VPN verbunden ist (%1). Setzen Sie %2 auf 1, um das Peering auch bei VPN-Verbindung fortzusetzen.</translation>
    </message>
    <message>
        <source>a VPN is up and DODisallowCacheServerDownloadsOnVPN is 1</source>
        <translation>ein VPN ist aktiv und DODisallowCacheServerDownloadsOnVPN ist 1</translation>
    </message>
    <message>
        <source>it names no server</source>
        <translation>sie nennt keinen Server</translation>
    </message>
    <message>
        <source>DOCacheHostSource is %1 but no DHCP lease carries option 235</source>
        <translation>DOCacheHostSource ist %1, aber keine DHCP-Lease enthält Option 235</translation>
    </message>
    <message>
        <source>DHCP option 235 in %1 is not a list of servers (%2)</source>
        <translation>DHCP-Option 235 in %1 ist keine Liste von Servern (%2)</translation>
    </message>
    <message>
        <source>DHCP option 235 (%1)</source>
        <translation>DHCP-Option 235 (%1)</translation>
    </message>
    <message>
        <source>sent a second swarm-key proof</source>
        <translation>hat einen zweiten Schwarmschlüssel-Nachweis gesendet</translation>
    </message>
    <message>
        <source>its swarm-key proof is wrong (another LAN or group, or a stale key)</source>
        <translation>sein Schwarmschlüssel-Nachweis ist falsch (anderes LAN oder andere Gruppe, oder ein veralteter Schlüssel)</translation>
    </message>
    <message>
        <source>it cannot prove membership of this LAN or group swarm (no OpenDO swarm-key support; standard BitTorrent peers are accepted in download mode 3 only)</source>
        <translation>er kann die Mitgliedschaft in diesem LAN- oder Gruppenschwarm nicht nachweisen (keine OpenDO-Schwarmschlüssel-Unterstützung; Standard-BitTorrent-Peers werden nur im Downloadmodus 3 zugelassen)</translation>
    </message>
    <message>
        <source>it did not prove membership of this LAN or group swarm in time</source>
        <translation>er hat die Mitgliedschaft in diesem LAN- oder Gruppenschwarm nicht rechtzeitig nachgewiesen</translation>
    </message>
    <message>
        <source>VPN connection %1; peers found by local peer discovery (DNS-SD) are exempt</source>
        <translation>VPN-Verbindung %1; durch lokale Peererkennung (DNS-SD) gefundene Peers sind ausgenommen</translation>
    </message>
    <message>
        <source>Peering pauses while a VPN is connected (%1), except with peers found by local peer discovery on this network. Set %2 to 1 to peer with all of them on a VPN.</source>
        <translation>Peering pausiert, solange ein VPN verbunden ist (%1), außer mit Peers, die die lokale Peererkennung in diesem Netz gefunden hat. Setzen Sie %2 auf 1, um im VPN mit allen Peers zu arbeiten.</translation>
    </message>
    <message>
        <source>Local-discovery peers</source>
        <translation>Lokal erkannte Peers</translation>
    </message>
    <message>
        <source>they were found by DNS-SD, and without metainfo their bytes cannot be verified</source>
        <translation>sie wurden per DNS-SD gefunden, und ohne Metainfo lassen sich ihre Bytes nicht prüfen</translation>
    </message>
    <message>
        <source>DNS-SD on the local link</source>
        <translation>DNS-SD im lokalen Netzsegment</translation>
    </message>
    <message>
        <source>the discovery service</source>
        <translation>dem Erkennungsdienst</translation>
    </message>
</context>
<context>
    <name>opendo::transfer::DownloadJob</name>
    <message>
        <source>the origin file changed size from %1 to %2 bytes</source>
        <translation>die Datei auf dem Ursprungsserver hat ihre Größe von %1 auf %2 Bytes geändert</translation>
    </message>
    <message>
        <source>Piece %1 (bytes %2-%3) failed %4 verification %5 times: %6 serves data that does not match the metainfo. Nothing of it was stored.</source>
        <translation>Stück %1 (Bytes %2-%3) hat die %4-Prüfung %5-mal nicht bestanden: %6 liefert Daten, die nicht zur Metainfo passen. Davon wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Paused: %1. Free space on the cache drive or lower the cache limits, then resume.</source>
        <translation>Angehalten: %1. Geben Sie Speicherplatz auf dem Cache-Laufwerk frei oder senken Sie die Cachelimits, und setzen Sie den Download dann fort.</translation>
    </message>
    <message>
        <source>The metainfo names no web seed (HTTP origin) for %1 and peers cannot be used%2; there is nowhere to download it from.</source>
        <translation>Die Metainfo nennt für %1 keinen Webseed (HTTP-Ursprungsserver), und Peers können nicht verwendet werden%2; es gibt keine Quelle, von der die Datei geladen werden kann.</translation>
    </message>
    <message>
        <source>piece %1 failed verification</source>
        <translation>Stück %1 hat die Prüfung nicht bestanden</translation>
    </message>
    <message>
        <source>%1. Peers carried on without the origin but delivered nothing more; %2 of %3 pieces are in the cache. Resume the download once the origin or a peer holding the rest is back.</source>
        <translation>%1. Peers haben ohne den Ursprungsserver weitergeliefert, lieferten aber nichts mehr; %2 von %3 Stücken liegen im Cache. Setzen Sie den Download fort, sobald der Ursprungsserver oder ein Peer mit dem Rest wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>The origin failed (%1); downloading from peers, the origin is asked again in %2 s.</source>
        <translation>Der Ursprungsserver ist ausgefallen (%1); es wird von Peers geladen, der Ursprungsserver wird in %2 s erneut angefragt.</translation>
    </message>
    <message>
        <source>The origin failed (%1); downloading from peers while the origin is asked again.</source>
        <translation>Der Ursprungsserver ist ausgefallen (%1); es wird von Peers geladen, während der Ursprungsserver erneut angefragt wird.</translation>
    </message>
</context>
<context>
    <name>opendo::transfer::DownloadManager</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is not a valid URL.</source>
        <translation>%1 ist keine gültige URL.</translation>
    </message>
    <message>
        <source>%1: only http:// and https:// URLs can be downloaded; anything else must be a metainfo (.torrent) file.</source>
        <translation>%1: Nur http://- und https://-URLs können heruntergeladen werden; alles andere muss eine Metainfo-Datei (.torrent) sein.</translation>
    </message>
</context>
<context>
    <name>opendo::transfer::PeerHub</name>
    <message>
        <source>Cannot listen for peers on %1: %2</source>
        <translation>Auf %1 können keine Peer-Verbindungen angenommen werden: %2</translation>
    </message>
    <message>
        <source>download mode %1 does not use peers</source>
        <translation>Downloadmodus %1 verwendet keine Peers</translation>
    </message>
    <message>
        <source>Download mode %1 does not use peers (DODownloadMode).</source>
        <translation>Downloadmodus %1 verwendet keine Peers (DODownloadMode).</translation>
    </message>
    <message>
        <source>we do not offer content %1</source>
        <translation>Inhalt %1 wird hier nicht angeboten</translation>
    </message>
    <message>
        <source>this peer is banned from the swarm</source>
        <translation>dieser Peer ist im Swarm gesperrt</translation>
    </message>
    <message>
        <source>Simple mode (99) because the %1; DODownloadMode %2 applies again once it answers.</source>
        <translation>Einfacher Modus (99), Grund: %1; DODownloadMode %2 gilt wieder, sobald der Dienst antwortet.</translation>
    </message>
    <message>
        <source>not admitted: without a discovery service, download mode %1 accepts only the configured peers (StaticPeers, --peer)</source>
        <translation>nicht zugelassen: ohne Discovery-Dienst nimmt Downloadmodus %1 nur die konfigurierten Peers an (StaticPeers, --peer)</translation>
    </message>
    <message>
        <source>not admitted: %1 is outside our subnet %2/%3 (DORestrictPeerSelectionBy = 1)</source>
        <translation>nicht zugelassen: %1 liegt außerhalb unseres Subnetzes %2/%3 (DORestrictPeerSelectionBy = 1)</translation>
    </message>
    <message>
        <source>not admitted: %1 was not found by local peer discovery (DNS-SD) on this network (DORestrictPeerSelectionBy = 2)</source>
        <translation>nicht zugelassen: %1 wurde von der lokalen Peererkennung (DNS-SD) in diesem Netz nicht gefunden (DORestrictPeerSelectionBy = 2)</translation>
    </message>
    <message>
        <source>not admitted: %1</source>
        <translation>nicht zugelassen: %1</translation>
    </message>
</context>
<context>
    <name>opendo::transfer::Swarm</name>
    <message>
        <source>already connected to this peer</source>
        <translation>mit diesem Peer besteht bereits eine Verbindung</translation>
    </message>
    <message>
        <source>connected to ourselves</source>
        <translation>Verbindung zum eigenen Agent hergestellt</translation>
    </message>
    <message>
        <source>sent piece %1 with data that fails verification</source>
        <translation>hat Stück %1 mit Daten gesendet, die die Prüfung nicht bestehen</translation>
    </message>
    <message>
        <source>banned: %1</source>
        <translation>gesperrt: %1</translation>
    </message>
    <message>
        <source>not admitted: %1</source>
        <translation>nicht zugelassen: %1</translation>
    </message>
    <message>
        <source>the download or seeding of this content ended</source>
        <translation>Download oder Verteilen dieses Inhalts wurde beendet</translation>
    </message>
    <message>
        <source>peering paused: %1</source>
        <translation>Peering pausiert: %1</translation>
    </message>
</context>
<context>
    <name>opendo::ui</name>
    <message>
        <source>Not configured</source>
        <translation>Nicht konfiguriert</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 to %2 %3</source>
        <translation>%1 bis %2 %3</translation>
    </message>
    <message>
        <source>a GUID</source>
        <translation>eine GUID</translation>
    </message>
    <message>
        <source>comma-separated list</source>
        <translation>durch Kommas getrennte Liste</translation>
    </message>
    <message>
        <source>drive, folder or environment variable</source>
        <translation>Laufwerk, Ordner oder Umgebungsvariable</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>0 — HTTP only</source>
        <translation>0 — Nur HTTP</translation>
    </message>
    <message>
        <source>1 — LAN</source>
        <translation>1 — LAN</translation>
    </message>
    <message>
        <source>2 — Group</source>
        <translation>2 — Gruppe</translation>
    </message>
    <message>
        <source>3 — Internet</source>
        <translation>3 — Internet</translation>
    </message>
    <message>
        <source>99 — Simple</source>
        <translation>99 — Einfach</translation>
    </message>
    <message>
        <source>100 — Bypass</source>
        <translation>100 — Umgehen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>File id</source>
        <translation>Datei-ID</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Origin (HTTP)</source>
        <translation>Ursprungsserver (HTTP)</translation>
    </message>
    <message>
        <source>Saved to</source>
        <translation>Gespeichert unter</translation>
    </message>
    <message>
        <source>kept in the cache only</source>
        <translation>nur im Cache behalten</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Foreground</source>
        <translation>Vordergrund</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Hintergrund</translation>
    </message>
    <message>
        <source>Download mode</source>
        <translation>Downloadmodus</translation>
    </message>
    <message>
        <source>Shared with peers</source>
        <translation>Mit Peers geteilt</translation>
    </message>
    <message>
        <source>yes — verified against its metainfo</source>
        <translation>ja — anhand der Metainfo geprüft</translation>
    </message>
    <message>
        <source>no — a plain URL has nothing to verify pieces against</source>
        <translation>nein — bei einer einfachen URL gibt es nichts, womit sich Stücke prüfen ließen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>noch unbekannt</translation>
    </message>
    <message>
        <source>In cache</source>
        <translation>Im Cache</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 pieces)</source>
        <translation>%1 (%2 von %3 Stücken)</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>Heruntergeladen</translation>
    </message>
    <message>
        <source>From HTTP</source>
        <translation>Über HTTP</translation>
    </message>
    <message>
        <source>From a cache server</source>
        <translation>Von einem Cacheserver</translation>
    </message>
    <message>
        <source>From LAN peers</source>
        <translation>Von LAN-Peers</translation>
    </message>
    <message>
        <source>From group peers</source>
        <translation>Von Gruppen-Peers</translation>
    </message>
    <message>
        <source>From internet peers</source>
        <translation>Von Internet-Peers</translation>
    </message>
    <message>
        <source>Percent from peers</source>
        <translation>Prozent von Peers</translation>
    </message>
    <message>
        <source>Received but not used</source>
        <translation>Empfangen, aber nicht verwendet</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Hash failures / banned peers</source>
        <translation>Hash-Fehler / gesperrte Peers</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>yes — never evicted</source>
        <translation>ja — wird nie entfernt</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Peer connections by class</source>
        <translation>Peer-Verbindungen nach Klasse</translation>
    </message>
    <message>
        <source>Peers offered by discovery</source>
        <translation>Vom Discovery-Dienst angebotene Peers</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>not by age (pinned, unfinished, or DOMaxCacheAge is 0)</source>
        <translation>nicht nach Alter (angeheftet, unvollständig oder DOMaxCacheAge ist 0)</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 HTTP, %2 cache server, %3 peers</source>
        <translation>%1 HTTP, %2 Cacheserver, %3 Peers</translation>
    </message>
    <message>
        <source>waits for %1</source>
        <translation>wartet auf %1</translation>
    </message>
    <message>
        <source>From local-discovery peers</source>
        <translation>Von lokal erkannten Peers</translation>
    </message>
    <message>
        <source>%1 LAN, %2 group, %3 internet, %4 local discovery</source>
        <translation>%1 LAN, %2 Gruppe, %3 Internet, %4 lokale Erkennung</translation>
    </message>
</context>
<context>
    <name>opendo::ui::ActivityMonthModel</name>
    <message>
        <source>From the origin server (HTTP)</source>
        <translation>Vom Ursprungsserver (HTTP)</translation>
    </message>
    <message>
        <source>From a cache server</source>
        <translation>Von einem Cacheserver</translation>
    </message>
    <message>
        <source>From PCs on your local network</source>
        <translation>Von PCs in Ihrem lokalen Netzwerk</translation>
    </message>
    <message>
        <source>From PCs in your group</source>
        <translation>Von PCs in Ihrer Gruppe</translation>
    </message>
    <message>
        <source>From PCs on the Internet</source>
        <translation>Von PCs im Internet</translation>
    </message>
    <message>
        <source>To HTTP clients</source>
        <translation>An HTTP-Clients</translation>
    </message>
    <message>
        <source>To a cache server</source>
        <translation>An einen Cacheserver</translation>
    </message>
    <message>
        <source>To PCs on your local network</source>
        <translation>An PCs in Ihrem lokalen Netzwerk</translation>
    </message>
    <message>
        <source>To PCs in your group</source>
        <translation>An PCs in Ihrer Gruppe</translation>
    </message>
    <message>
        <source>To PCs on the Internet</source>
        <translation>An PCs im Internet</translation>
    </message>
    <message>
        <source>Total downloaded</source>
        <translation>Insgesamt heruntergeladen</translation>
    </message>
    <message>
        <source>Total uploaded</source>
        <translation>Insgesamt hochgeladen</translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 Bytes</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Uploaded to</source>
        <translation>Hochgeladen an</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>From PCs found on this network (local discovery)</source>
        <translation>Von PCs, die in diesem Netz gefunden wurden (lokale Erkennung)</translation>
    </message>
    <message>
        <source>To PCs found on this network (local discovery)</source>
        <translation>An PCs, die in diesem Netz gefunden wurden (lokale Erkennung)</translation>
    </message>
</context>
<context>
    <name>opendo::ui::ActivityPanel</name>
    <message>
        <source>%1 (this month)</source>
        <translation>%1 (dieser Monat)</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Monat:</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>Uploads</source>
        <translation>Uploads</translation>
    </message>
    <message>
        <source>Download statistics</source>
        <translation>Download-Statistik</translation>
    </message>
    <message>
        <source>Upload statistics</source>
        <translation>Upload-Statistik</translation>
    </message>
    <message>
        <source>Nothing downloaded</source>
        <translation>Nichts heruntergeladen</translation>
    </message>
    <message>
        <source>Downloaded %1 · %2 from peers</source>
        <translation>%1 heruntergeladen · %2 von Peers</translation>
    </message>
    <message>
        <source>Uploaded %1</source>
        <translation>%1 hochgeladen</translation>
    </message>
    <message>
        <source>Monthly upload limit: none (DOMonthlyUploadDataCap is 0). Uploads to PCs on the Internet: %1.</source>
        <translation>Monatliches Uploadlimit: keines (DOMonthlyUploadDataCap ist 0). Uploads an PCs im Internet: %1.</translation>
    </message>
    <message>
        <source>Monthly upload limit (DOMonthlyUploadDataCap, uploads to PCs on the Internet only): %1 of %2 (%3)%4</source>
        <translation>Monatliches Uploadlimit (DOMonthlyUploadDataCap, nur Uploads an PCs im Internet): %1 von %2 (%3)%4</translation>
    </message>
    <message>
        <source> — reached</source>
        <translation> — erreicht</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>TiB</source>
        <translation>TiB</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 Mbit/s</source>
        <translation>%1 Mbit/s</translation>
    </message>
    <message>
        <source>Average speed: foreground %1 · background %2</source>
        <translation>Durchschnittliche Geschwindigkeit: Vordergrund %1 · Hintergrund %2</translation>
    </message>
</context>
<context>
    <name>opendo::ui::AddDownloadDialog</name>
    <message>
        <source>Add download</source>
        <translation>Download hinzufügen</translation>
    </message>
    <message>
        <source>https://… or a .torrent metainfo file</source>
        <translation>https://… oder eine .torrent-Metainfo-Datei</translation>
    </message>
    <message>
        <source>Keep in the cache only</source>
        <translation>Nur im Cache behalten</translation>
    </message>
    <message>
        <source>&amp;Background (yields to foreground downloads)</source>
        <translation>&amp;Hintergrund (lässt Vordergrund-Downloads den Vortritt)</translation>
    </message>
    <message>
        <source>&amp;Metainfo…</source>
        <translation>&amp;Metainfo…</translation>
    </message>
    <message>
        <source>Sa&amp;ve as…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Metainfo file</source>
        <translation>Metainfo-Datei</translation>
    </message>
    <message>
        <source>Metainfo (*.torrent)</source>
        <translation>Metainfo (*.torrent)</translation>
    </message>
    <message>
        <source>Save the file as</source>
        <translation>Datei speichern unter</translation>
    </message>
    <message>
        <source>A metainfo file lets every piece be verified and shared with peers; a plain URL is downloaded over HTTP only.</source>
        <translation>Mit einer Metainfo-Datei wird jedes Stück geprüft und kann mit Peers geteilt werden; eine einfache URL wird nur über HTTP geladen.</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>&amp;Ziel:</translation>
    </message>
</context>
<context>
    <name>opendo::ui::AgentSettingsPanel</name>
    <message>
        <source>OpenDO&apos;s own settings of this agent. The Delivery Optimization policies are in the policy editor; these cover what DO configures in its cloud service or through Windows directory services. doctl config set NAME VALUE changes them too.</source>
        <translation>Die eigenen Einstellungen von OpenDO für diesen Agenten. Die Richtlinien der Übermittlungsoptimierung stehen im Richtlinien-Editor; diese hier decken ab, was DO in seinem Clouddienst oder über die Windows-Verzeichnisdienste konfiguriert. doctl config set NAME WERT ändert sie ebenfalls.</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the setting; the agent goes back to its default.</source>
        <translation>Entfernt die Einstellung; der Agent kehrt zu seinem Standard zurück.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Cleared: the agent uses its default.</source>
        <translation>Entfernt: der Agent verwendet seinen Standard.</translation>
    </message>
</context>
<context>
    <name>opendo::ui::BandwidthWizard</name>
    <message>
        <source>Downloads are slow or use too much bandwidth</source>
        <translation>Downloads sind langsam oder verbrauchen zu viel Bandbreite</translation>
    </message>
    <message>
        <source>Slow downloads or too much bandwidth</source>
        <translation>Langsame Downloads oder zu viel Bandbreite</translation>
    </message>
    <message>
        <source>&lt;p&gt;These checks look at what limits a download&apos;s speed and what lets it use more than it should: the foreground and background bandwidth limits, business hours, the delays before falling back to HTTP, the upload cap and the rates seen recently.&lt;/p&gt;&lt;p&gt;Where a policy setting is the cause, the summary offers the change that cures it; it is staged in the policy editor for you to review.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Diese Prüfungen untersuchen, was die Geschwindigkeit eines Downloads begrenzt und was ihm erlaubt, mehr zu verbrauchen als vorgesehen: die Bandbreitenlimits für Vorder- und Hintergrund, die Geschäftszeiten, die Verzögerungen vor dem Ausweichen auf HTTP, die Upload-Obergrenze und die zuletzt gemessenen Raten.&lt;/p&gt;&lt;p&gt;Ist eine Richtlinieneinstellung die Ursache, bietet die Zusammenfassung die Änderung an, die das Problem behebt; sie wird im Richtlinien-Editor vorgemerkt, damit Sie sie prüfen können.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>opendo::ui::BannedPeerModel</name>
    <message>
        <source>Banned on connection %1; every port of this address is refused for this content.</source>
        <translation>Gesperrt über die Verbindung %1; jeder Port dieser Adresse wird für diesen Inhalt abgewiesen.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Banned since</source>
        <translation>Gesperrt seit</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>opendo::ui::BusinessHoursEditor</name>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Business hours:</source>
        <translation>Geschäftszeiten:</translation>
    </message>
    <message>
        <source>Cap inside:</source>
        <translation>Limit innerhalb:</translation>
    </message>
    <message>
        <source>Cap outside:</source>
        <translation>Limit außerhalb:</translation>
    </message>
</context>
<context>
    <name>opendo::ui::ByteSourcesPanel</name>
    <message>
        <source>GiB/s</source>
        <translation>GiB/s</translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation>MiB/s</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>KiB/s</translation>
    </message>
    <message>
        <source>B/s</source>
        <translation>B/s</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>the last 5 minutes</source>
        <translation>den letzten 5 Minuten</translation>
    </message>
    <message>
        <source>the last hour</source>
        <translation>der letzten Stunde</translation>
    </message>
    <message>
        <source>the last 24 hours</source>
        <translation>den letzten 24 Stunden</translation>
    </message>
    <message>
        <source>the last 7 days</source>
        <translation>den letzten 7 Tagen</translation>
    </message>
    <message>
        <source>the last 30 days</source>
        <translation>den letzten 30 Tagen</translation>
    </message>
    <message>
        <source>the last 90 days</source>
        <translation>den letzten 90 Tagen</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>Uploads</source>
        <translation>Uploads</translation>
    </message>
    <message>
        <source>Downloads: where received bytes came from. Uploads: which peers this device sent bytes to.</source>
        <translation>Downloads: woher die empfangenen Bytes kamen. Uploads: an welche Peers dieses Gerät Bytes gesendet hat.</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Bytes per interval and source class, one line per interval</source>
        <translation>Bytes pro Intervall und Quellklasse, eine Zeile pro Intervall</translation>
    </message>
    <message>
        <source>No bytes moved in this period. Downloads and uploads show up here by source within a second of moving; try a longer period.</source>
        <translation>In diesem Zeitraum wurden keine Bytes übertragen. Downloads und Uploads erscheinen hier, nach Quelle aufgeschlüsselt, innerhalb einer Sekunde nach der Übertragung; versuchen Sie einen längeren Zeitraum.</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>%1 % from peers over %2: %3 of %4</source>
        <translation>%1 % von Peers in %2: %3 von %4</translation>
    </message>
    <message>
        <source>%1 uploaded to peers over %2</source>
        <translation>%1 in %2 an Peers hochgeladen</translation>
    </message>
    <message>
        <source>Download rate (%1)</source>
        <translation>Downloadrate (%1)</translation>
    </message>
    <message>
        <source>Upload rate (%1)</source>
        <translation>Uploadrate (%1)</translation>
    </message>
    <message>
        <source>No file name given.</source>
        <translation>Kein Dateiname angegeben.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>opendo::ui::CacheContentModel</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 min</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in Verwendung</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>never (pinned)</source>
        <translation>nie (angeheftet)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>jetzt fällig</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 % (%2)</source>
        <translation>%1 % (%2)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no (HTTP only)</source>
        <translation>nein (nur HTTP)</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>angeheftet</translation>
    </message>
    <message>
        <source>%1
from %2</source>
        <translation>%1
von %2</translation>
    </message>
    <message>
        <source>Pinned: the cache janitor never removes this content, whatever its age (DOMaxCacheAge) or the cache&apos;s size limits.</source>
        <translation>Angeheftet: Die Cachebereinigung entfernt diesen Inhalt nie, unabhängig von seinem Alter (DOMaxCacheAge) oder den Größenlimits des Caches.</translation>
    </message>
    <message>
        <source>Removed by the cache janitor once unused for DOMaxCacheAge, or earlier when the cache needs room.</source>
        <translation>Die Cachebereinigung entfernt diesen Inhalt, sobald er DOMaxCacheAge lang nicht verwendet wurde, oder früher, wenn der Cache Platz benötigt.</translation>
    </message>
    <message>
        <source>A download is using this content; it cannot be evicted until the download ends.</source>
        <translation>Ein Download verwendet diesen Inhalt; er kann erst entfernt werden, wenn der Download endet.</translation>
    </message>
    <message>
        <source>Has metainfo with trusted hashes: offered to peers.</source>
        <translation>Hat Metainfo mit vertrauenswürdigen Hashes: wird Peers angeboten.</translation>
    </message>
    <message>
        <source>Downloaded over HTTP without metainfo: never offered to peers.</source>
        <translation>Über HTTP ohne Metainfo heruntergeladen: wird Peers nie angeboten.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Content ID</source>
        <translation>Inhalts-ID</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Vorhanden</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Shareable</source>
        <translation>Teilbar</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
</context>
<context>
    <name>opendo::ui::CacheDiskWizard</name>
    <message>
        <source>The cache uses too much disk</source>
        <translation>Der Cache belegt zu viel Speicherplatz</translation>
    </message>
    <message>
        <source>&lt;p&gt;These checks compare the cache&apos;s use with its limits (DOMaxCacheSize, DOAbsoluteMaxCacheSize, DOMaxCacheAge), look at recent evictions and at which files are cached at all (DOMinFileSizeToCache).&lt;/p&gt;&lt;p&gt;The summary offers the policy change that cures what is wrong and clearing the unpinned cache now.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Diese Prüfungen vergleichen die Cachenutzung mit den Limits (DOMaxCacheSize, DOAbsoluteMaxCacheSize, DOMaxCacheAge) und untersuchen die letzten Entfernungen sowie, welche Dateien überhaupt zwischengespeichert werden (DOMinFileSizeToCache).&lt;/p&gt;&lt;p&gt;Die Zusammenfassung bietet die Richtlinienänderung an, die das Problem behebt, sowie das sofortige Leeren des nicht angehefteten Caches.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Clear unpinned cache…</source>
        <translation>Nicht angehefteten Cache leeren…</translation>
    </message>
    <message>
        <source>Remove every cached file that is not pinned and not in use</source>
        <translation>Alle zwischengespeicherten Dateien entfernen, die weder angeheftet noch in Verwendung sind</translation>
    </message>
    <message>
        <source>Clear unpinned cache</source>
        <translation>Nicht angehefteten Cache leeren</translation>
    </message>
    <message>
        <source>Remove every cached file that is not pinned and not in use? Peers can no longer get them from this device.</source>
        <translation>Alle zwischengespeicherten Dateien entfernen, die weder angeheftet noch in Verwendung sind? Peers können sie dann nicht mehr von diesem Gerät beziehen.</translation>
    </message>
    <message numerus="yes">
        <source>Clear unpinned cache… (%n file(s) removed)</source>
        <translation>
            <numerusform>Nicht angehefteten Cache leeren… (%n Datei entfernt)</numerusform>
            <numerusform>Nicht angehefteten Cache leeren… (%n Dateien entfernt)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>opendo::ui::CachePanel</name>
    <message>
        <source>Waiting for the agent…</source>
        <translation>Warten auf den Agent…</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Cache size</source>
        <translation>Cachegröße</translation>
    </message>
    <message>
        <source>Limit in effect</source>
        <translation>Wirksames Limit</translation>
    </message>
    <message>
        <source>DOMaxCacheSize</source>
        <translation>DOMaxCacheSize</translation>
    </message>
    <message>
        <source>DOAbsoluteMaxCacheSize</source>
        <translation>DOAbsoluteMaxCacheSize</translation>
    </message>
    <message>
        <source>Bytes in the cache</source>
        <translation>Bytes im Cache</translation>
    </message>
    <message>
        <source>Pinned content is never removed by the cache janitor: not when it grows older than DOMaxCacheAge and not to make room under DOMaxCacheSize or DOAbsoluteMaxCacheSize. Unpin it to evict it.</source>
        <translation>Angeheftete Inhalte werden von der Cachebereinigung nie entfernt: weder, wenn sie älter als DOMaxCacheAge werden, noch, um unter DOMaxCacheSize oder DOAbsoluteMaxCacheSize Platz zu schaffen. Lösen Sie sie, um sie zu entfernen.</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Evict…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalte</translation>
    </message>
    <message>
        <source>Eviction log</source>
        <translation>Entfernungsprotokoll</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 (no size limit)</source>
        <translation>%1, %2 (kein Größenlimit)</translation>
    </message>
    <message>
        <source>%1, %2 of %3 limit (%4)</source>
        <translation>%1, %2 von maximal %3 (%4)</translation>
    </message>
    <message>
        <source>%1 free of %2 on the cache drive</source>
        <translation>%1 von %2 auf dem Cachelaufwerk frei</translation>
    </message>
    <message>
        <source>%1 is pinned; unpin it before evicting it.</source>
        <translation>%1 ist angeheftet; lösen Sie den Inhalt, bevor Sie ihn entfernen.</translation>
    </message>
    <message>
        <source>Evict content</source>
        <translation>Inhalt entfernen</translation>
    </message>
    <message>
        <source>Remove %1 (%2) from the cache? Peers can no longer get it from this device, and a later download fetches it again.</source>
        <translation>%1 (%2) aus dem Cache entfernen? Peers können den Inhalt dann nicht mehr von diesem Gerät beziehen, und ein späterer Download lädt ihn erneut herunter.</translation>
    </message>
    <message>
        <source>Pinned content cannot be evicted; unpin it first.</source>
        <translation>Angeheftete Inhalte können nicht entfernt werden; lösen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>A download is using this content; cancel it first.</source>
        <translation>Ein Download verwendet diesen Inhalt; brechen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <source>Remove the selected content from the cache now.</source>
        <translation>Den ausgewählten Inhalt jetzt aus dem Cache entfernen.</translation>
    </message>
    <message>
        <source>Keep until…</source>
        <translation>Behalten bis…</translation>
    </message>
    <message>
        <source>Keep the selected content at least until a time you choose, however old it gets (ExpireOn; at most a year ahead).</source>
        <translation>Den ausgewählten Inhalt mindestens bis zu einem gewählten Zeitpunkt behalten, egal wie alt er wird (ExpireOn; höchstens ein Jahr im Voraus).</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>copying to %1: %2 % (downloads wait)</source>
        <translation>wird nach %1 kopiert: %2 % (Downloads warten)</translation>
    </message>
</context>
<context>
    <name>opendo::ui::CheckResultsModel</name>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>opendo::ui::CheckResultsView</name>
    <message>
        <source>Select a check to see what was seen and what to do.</source>
        <translation>Wählen Sie eine Prüfung aus, um den Befund und die empfohlenen Schritte zu sehen.</translation>
    </message>
</context>
<context>
    <name>opendo::ui::DemoDeviceModel</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Peer address</source>
        <translation>Peer-Adresse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>From the origin</source>
        <translation>Vom Ursprungsserver</translation>
    </message>
    <message>
        <source>From peers</source>
        <translation>Von Peers</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
</context>
<context>
    <name>opendo::ui::DiagnosticsWizard</name>
    <message>
        <source>Suggested by the troubleshooter (%1). %2</source>
        <translation>Von der Problembehandlung vorgeschlagen (%1). %2</translation>
    </message>
</context>
<context>
    <name>opendo::ui::DownloadTraceBox</name>
    <message>
        <source>Trace a download</source>
        <translation>Download verfolgen</translation>
    </message>
    <message>
        <source>&amp;Trace</source>
        <translation>&amp;Verfolgen</translation>
    </message>
    <message>
        <source>Follow the download through every gate on its way to peers</source>
        <translation>Den Download durch jede Bedingung auf seinem Weg zu Peers verfolgen</translation>
    </message>
    <message>
        <source>No downloads to trace.</source>
        <translation>Keine Downloads zum Verfolgen.</translation>
    </message>
    <message>
        <source>Tracing…</source>
        <translation>Wird verfolgt…</translation>
    </message>
    <message>
        <source>The agent has no trace of this download.</source>
        <translation>Der Agent hat keine Ablaufverfolgung dieses Downloads.</translation>
    </message>
</context>
<context>
    <name>opendo::ui::DownloadsPanel</name>
    <message>
        <source>&amp;Add download…</source>
        <translation>Download &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Cancel download</source>
        <translation>Download a&amp;bbrechen</translation>
    </message>
    <message>
        <source>P&amp;in</source>
        <translation>A&amp;nheften</translation>
    </message>
    <message>
        <source>Pinned content stays in the cache whatever the cache policies say.</source>
        <translation>Angeheftete Inhalte bleiben im Cache, unabhängig davon, was die Cache-Richtlinien vorgeben.</translation>
    </message>
    <message>
        <source>Un&amp;pin</source>
        <translation>&amp;Lösen</translation>
    </message>
    <message>
        <source>&amp;Why this share?</source>
        <translation>&amp;Warum dieser Anteil?</translation>
    </message>
    <message>
        <source>Trace the selected download through the gates that decide how much of it comes from peers (Troubleshooting)</source>
        <translation>Den ausgewählten Download durch die Schranken verfolgen, die entscheiden, wie viel davon von Peers kommt (Problembehandlung)</translation>
    </message>
</context>
<context>
    <name>opendo::ui::EndedConnectionModel</name>
    <message>
        <source>Connected %1, for %2 s</source>
        <translation>Verbunden %1, für %2 s</translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s) from this peer failed verification</source>
        <translation>
            <numerusform>%n Teil von diesem Peer hat die Prüfung nicht bestanden</numerusform>
            <numerusform>%n Teile von diesem Peer haben die Prüfung nicht bestanden</numerusform>
        </translation>
    </message>
    <message>
        <source>broke the protocol: %1</source>
        <translation>hat das Protokoll verletzt: %1</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Why it ended</source>
        <translation>Warum sie endete</translation>
    </message>
</context>
<context>
    <name>opendo::ui::EvictionLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>opendo::ui::JobTableModel</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>From HTTP</source>
        <translation>Über HTTP</translation>
    </message>
    <message>
        <source>From peers</source>
        <translation>Von Peers</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Wird heruntergeladen</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Caching (available to peers)</source>
        <translation>Im Cache (für Peers verfügbar)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Foreground</source>
        <translation>Vordergrund</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Hintergrund</translation>
    </message>
    <message>
        <source>Waits for %1</source>
        <translation>Wartet auf %1</translation>
    </message>
    <message>
        <source>Queued: waits for %1</source>
        <translation>Wartend: wartet auf %1</translation>
    </message>
</context>
<context>
    <name>opendo::ui::LogModel</name>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>opendo::ui::LogPanel</name>
    <message>
        <source>Show messages of this level and above.</source>
        <translation>Meldungen dieser Stufe und höher anzeigen.</translation>
    </message>
    <message>
        <source>All components</source>
        <translation>Alle Komponenten</translation>
    </message>
    <message>
        <source>Filter messages</source>
        <translation>Meldungen filtern</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Mitverfolgen</translation>
    </message>
    <message>
        <source>Keep the newest message in view.</source>
        <translation>Die neueste Meldung im sichtbaren Bereich halten.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected messages, or all shown, as plain text.</source>
        <translation>Die ausgewählten Meldungen oder alle angezeigten als reinen Text kopieren.</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <source>Component:</source>
        <translation>Komponente:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>Protokolldateien (*.log *.txt)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot save the log to %1: %2</source>
        <translation>Das Protokoll kann nicht unter %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>opendo::ui::MainWindow</name>
    <message>
        <source>OpenDO Console</source>
        <translation>OpenDO-Konsole</translation>
    </message>
    <message>
        <source>Agent starting…</source>
        <translation>Agent wird gestartet…</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Daten: %1</translation>
    </message>
    <message>
        <source>Agent running</source>
        <translation>Agent läuft</translation>
    </message>
    <message>
        <source>Agent stopped</source>
        <translation>Agent beendet</translation>
    </message>
    <message>
        <source>The agent cannot start</source>
        <translation>Der Agent kann nicht starten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About OpenDO</source>
        <translation>Ü&amp;ber OpenDO</translation>
    </message>
    <message>
        <source>About OpenDO</source>
        <translation>Über OpenDO</translation>
    </message>
    <message>
        <source>OpenDO %1 — an open implementation of Delivery Optimization: a peer-assisted download cache with verified pieces.</source>
        <translation>OpenDO %1 — eine offene Implementierung der Übermittlungsoptimierung: ein peergestützter Download-Cache mit überprüften Teilstücken.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The console uses the new language the next time it starts.</source>
        <translation>Die Konsole verwendet die neue Sprache ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>opendo::ui::NoPeerBytesWizard</name>
    <message>
        <source>I don&apos;t see bytes from peers</source>
        <translation>Ich erhalte keine Bytes von Peers</translation>
    </message>
    <message>
        <source>Why no bytes come from peers</source>
        <translation>Warum keine Bytes von Peers kommen</translation>
    </message>
    <message>
        <source>No download: check the device only</source>
        <translation>Kein Download: nur das Gerät prüfen</translation>
    </message>
    <message>
        <source>Trace download:</source>
        <translation>Download verfolgen:</translation>
    </message>
    <message>
        <source>&lt;p&gt;The checks run in the order that isolates the cause; the first one that fails is the answer:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;the agent service runs and listens for peers;&lt;/li&gt;&lt;li&gt;the download mode allows peers (not 0, 99 or 100);&lt;/li&gt;&lt;li&gt;the discovery service answers (while it does not, the agent falls back to mode 99: then the service, not the mode, is the answer);&lt;/li&gt;&lt;li&gt;peers were seen for the content;&lt;/li&gt;&lt;li&gt;those peers can be reached;&lt;/li&gt;&lt;li&gt;the content gates (file size, metainfo, delays, bandwidth, cache) let the download use them.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Choose a download to also trace it through the gates one by one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Prüfungen laufen in der Reihenfolge, die die Ursache eingrenzt; die erste, die fehlschlägt, ist die Antwort:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;der Agent-Dienst läuft und wartet auf Peers;&lt;/li&gt;&lt;li&gt;der Downloadmodus erlaubt Peers (nicht 0, 99 oder 100);&lt;/li&gt;&lt;li&gt;der Discovery-Dienst antwortet (solange er das nicht tut, fällt der Agent auf Modus 99 zurück: dann ist der Dienst, nicht der Modus, die Antwort);&lt;/li&gt;&lt;li&gt;für den Inhalt wurden Peers gesehen;&lt;/li&gt;&lt;li&gt;diese Peers sind erreichbar;&lt;/li&gt;&lt;li&gt;die Inhaltsschranken (Dateigröße, Metainfo, Verzögerungen, Bandbreite, Cache) lassen den Download sie nutzen.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Wählen Sie einen Download, um ihn zusätzlich Schritt für Schritt durch die Schranken zu verfolgen.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>opendo::ui::OverviewFacts</name>
    <message>
        <source>HTTP only</source>
        <translation>Nur HTTP</translation>
    </message>
    <message>
        <source>LAN</source>
        <translation>LAN</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Internet</source>
        <translation>Internet</translation>
    </message>
    <message>
        <source>Simple</source>
        <translation>Einfach</translation>
    </message>
    <message>
        <source>Bypass</source>
        <translation>Umgehen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&lt; %1 %</source>
        <translation>&lt; %1 %</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Download mode</source>
        <translation>Downloadmodus</translation>
    </message>
    <message>
        <source>%1 (fallback)</source>
        <translation>%1 (Ausweichmodus)</translation>
    </message>
    <message>
        <source>the discovery service is unreachable</source>
        <translation>der Erkennungsdienst ist nicht erreichbar</translation>
    </message>
    <message>
        <source>%1; DODownloadMode %2 applies again when it answers</source>
        <translation>%1; DODownloadMode %2 gilt wieder, sobald der Dienst antwortet</translation>
    </message>
    <message>
        <source>configured: %1</source>
        <translation>konfiguriert: %1</translation>
    </message>
    <message>
        <source>peers are not used in this mode</source>
        <translation>in diesem Modus werden keine Peers verwendet</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Erkennungsdienst</translation>
    </message>
    <message>
        <source>no discovery service, static peers only</source>
        <translation>kein Erkennungsdienst, nur statische Peers</translation>
    </message>
    <message>
        <source>waiting for the first answer</source>
        <translation>warten auf die erste Antwort</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message numerus="yes">
        <source>retry in %n second(s)</source>
        <translation>
            <numerusform>erneuter Versuch in %n Sekunde</numerusform>
            <numerusform>erneuter Versuch in %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>sees this device as %1</source>
        <translation>sieht dieses Gerät als %1</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Empfangsadresse</translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>nicht empfangsbereit</translation>
    </message>
    <message>
        <source>other devices cannot connect to this one</source>
        <translation>andere Geräte können keine Verbindung zu diesem Gerät herstellen</translation>
    </message>
    <message>
        <source>uploading off</source>
        <translation>Senden aus</translation>
    </message>
    <message>
        <source>peering off</source>
        <translation>Peering aus</translation>
    </message>
    <message>
        <source>%1; %2: %3</source>
        <translation>%1; %2: %3</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Peers</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n Verbindung</numerusform>
            <numerusform>%n Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <source>LAN %1</source>
        <translation>LAN %1</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>Internet %1</source>
        <translation>Internet %1</translation>
    </message>
    <message numerus="yes">
        <source>%n offered by discovery</source>
        <translation>
            <numerusform>%n vom Erkennungsdienst angeboten</numerusform>
            <numerusform>%n vom Erkennungsdienst angeboten</numerusform>
        </translation>
    </message>
    <message>
        <source>From peers this month</source>
        <translation>Von Peers in diesem Monat</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <source>no downloads this month yet</source>
        <translation>in diesem Monat noch keine Downloads</translation>
    </message>
    <message>
        <source>%1 of %2 downloaded</source>
        <translation>%1 von %2 heruntergeladen</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (no limit)</source>
        <translation>%1 (kein Limit)</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 von %2 (%3)</translation>
    </message>
    <message>
        <source>%1; near the limit, older content is evicted first</source>
        <translation>%1; nahe am Limit werden ältere Inhalte zuerst entfernt</translation>
    </message>
    <message>
        <source>%1 free of %2 on the drive</source>
        <translation>%1 von %2 auf dem Laufwerk frei</translation>
    </message>
    <message>
        <source>Uploads this month</source>
        <translation>Uploads in diesem Monat</translation>
    </message>
    <message>
        <source>LAN %1 · group %2 · Internet %3</source>
        <translation>LAN %1 · Gruppe %2 · Internet %3</translation>
    </message>
    <message>
        <source>%1 (no cap)</source>
        <translation>%1 (keine Obergrenze)</translation>
    </message>
    <message>
        <source>%1; DOMonthlyUploadDataCap is 0, so uploads to Internet peers are unlimited</source>
        <translation>%1; DOMonthlyUploadDataCap ist 0, daher sind Uploads an Internet-Peers unbegrenzt</translation>
    </message>
    <message>
        <source>%1 of %2 cap</source>
        <translation>%1 von maximal %2</translation>
    </message>
    <message>
        <source>cap reached: no uploads to Internet peers until next month; %1 in all (%2); DOMonthlyUploadDataCap applies to Internet peers only</source>
        <translation>Obergrenze erreicht: bis zum nächsten Monat keine Uploads an Internet-Peers; insgesamt %1 (%2); DOMonthlyUploadDataCap gilt nur für Internet-Peers</translation>
    </message>
    <message>
        <source>the cap (DOMonthlyUploadDataCap) applies to uploads to Internet peers only; %1 in all (%2)</source>
        <translation>die Obergrenze (DOMonthlyUploadDataCap) gilt nur für Uploads an Internet-Peers; insgesamt %1 (%2)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>CPU %1 % · memory %2</source>
        <translation>CPU %1 % · Arbeitsspeicher %2</translation>
    </message>
    <message numerus="yes">
        <source>%n active download(s)</source>
        <translation>
            <numerusform>%n aktiver Download</numerusform>
            <numerusform>%n aktive Downloads</numerusform>
        </translation>
    </message>
    <message>
        <source>Cache servers</source>
        <translation>Cacheserver</translation>
    </message>
    <message>
        <source>none configured</source>
        <translation>keine konfiguriert</translation>
    </message>
    <message>
        <source>from DHCP option 235</source>
        <translation>aus DHCP-Option 235</translation>
    </message>
    <message>
        <source>%1 from cache servers this month</source>
        <translation>%1 von Cacheservern in diesem Monat</translation>
    </message>
    <message>
        <source>nothing came from them: see Troubleshooting, cache server checks</source>
        <translation>von ihnen kam nichts: siehe Problembehandlung, Cacheserver-Prüfungen</translation>
    </message>
    <message>
        <source>local discovery fails: %1</source>
        <translation>lokale Erkennung schlägt fehl: %1</translation>
    </message>
    <message>
        <source>only local peers (DNS-SD): none found yet</source>
        <translation>nur lokale Peers (DNS-SD): noch keine gefunden</translation>
    </message>
    <message numerus="yes">
        <source>only local peers (DNS-SD): %n found</source>
        <translation>
            <numerusform>nur lokale Peers (DNS-SD): %n gefunden</numerusform>
            <numerusform>nur lokale Peers (DNS-SD): %n gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>local discovery %1</source>
        <translation>lokale Erkennung %1</translation>
    </message>
    <message>
        <source> · local discovery %1</source>
        <translation> · lokale Erkennung %1</translation>
    </message>
    <message numerus="yes">
        <source>%n could not be reached</source>
        <translation>
            <numerusform>%n nicht erreichbar</numerusform>
            <numerusform>%n nicht erreichbar</numerusform>
        </translation>
    </message>
    <message>
        <source>none configured or announced</source>
        <translation>keiner konfiguriert oder angekündigt</translation>
    </message>
    <message>
        <source>with neither set, servers announced on the local link by DNS-SD (_opendo-cache._tcp) are used</source>
        <translation>ist beides nicht gesetzt, werden im lokalen Netzsegment per DNS-SD (_opendo-cache._tcp) angekündigte Server genutzt</translation>
    </message>
    <message>
        <source>announced on the link: %1</source>
        <translation>im Netzsegment angekündigt: %1</translation>
    </message>
    <message>
        <source>assigned by the discovery service: %1</source>
        <translation>vom Erkennungsdienst zugewiesen: %1</translation>
    </message>
    <message>
        <source>DOCacheHost (or DOCacheHostSource for DHCP option 235) names Connected Cache servers that downloads ask first; without them the discovery service may assign some (do-discovery --cache-host)</source>
        <translation>DOCacheHost (oder DOCacheHostSource für DHCP-Option 235) nennt Connected-Cache-Server, die Downloads zuerst fragen; ohne sie kann der Erkennungsdienst welche zuweisen (do-discovery --cache-host)</translation>
    </message>
</context>
<context>
    <name>opendo::ui::PeerConnectionWizard</name>
    <message>
        <source>Test connection to a peer</source>
        <translation>Verbindung zu einem Peer testen</translation>
    </message>
</context>
<context>
    <name>opendo::ui::PeerEndpointPage</name>
    <message>
        <source>Which peer?</source>
        <translation>Welcher Peer?</translation>
    </message>
    <message>
        <source>The agent opens a peer connection to this address and port and performs the handshake, as a download would.</source>
        <translation>Der Agent öffnet eine Peer-Verbindung zu dieser Adresse und diesem Port und führt den Handshake durch, wie es ein Download tun würde.</translation>
    </message>
    <message>
        <source>192.168.1.20, fd00::20 or pc-042.example.org</source>
        <translation>192.168.1.20, fd00::20 oder pc-042.example.org</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Not an IPv4 or IPv6 address or a host name.</source>
        <translation>Weder eine IPv4- oder IPv6-Adresse noch ein Hostname.</translation>
    </message>
</context>
<context>
    <name>opendo::ui::PeerTableModel</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>The peer&apos;s address; &quot;in&quot; when the peer connected to this device, &quot;out&quot; when this device connected to it</source>
        <translation>Die Adresse des Peers; „ein“, wenn der Peer sich mit diesem Gerät verbunden hat, „aus“, wenn dieses Gerät sich mit ihm verbunden hat</translation>
    </message>
    <message>
        <source>Which kind of peer this is, as counted in the download statistics</source>
        <translation>Welche Art Peer dies ist, wie in der Download-Statistik gezählt</translation>
    </message>
    <message>
        <source>The start of the content id both sides exchange</source>
        <translation>Der Anfang der Inhalts-ID, die beide Seiten austauschen</translation>
    </message>
    <message>
        <source>Bytes per second received from this peer just now</source>
        <translation>Gerade von diesem Peer empfangene Bytes pro Sekunde</translation>
    </message>
    <message>
        <source>Bytes per second sent to this peer just now</source>
        <translation>Gerade an diesen Peer gesendete Bytes pro Sekunde</translation>
    </message>
    <message>
        <source>All content bytes received from this peer on this connection</source>
        <translation>Alle über diese Verbindung von diesem Peer empfangenen Inhaltsbytes</translation>
    </message>
    <message>
        <source>All content bytes sent to this peer on this connection</source>
        <translation>Alle über diese Verbindung an diesen Peer gesendeten Inhaltsbytes</translation>
    </message>
    <message>
        <source>How much of the content the peer already has</source>
        <translation>Wie viel des Inhalts der Peer bereits hat</translation>
    </message>
    <message>
        <source>Whether each side wants data and is allowed to get it</source>
        <translation>Ob jede Seite Daten möchte und sie erhalten darf</translation>
    </message>
    <message>
        <source>Pieces from this peer that failed verification and were discarded</source>
        <translation>Teile von diesem Peer, deren Prüfung fehlschlug und die verworfen wurden</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Down rate</source>
        <translation>Empfangsrate</translation>
    </message>
    <message>
        <source>Up rate</source>
        <translation>Senderate</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Peer has</source>
        <translation>Peer hat</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Hash failures</source>
        <translation>Hash-Fehler</translation>
    </message>
    <message>
        <source>%1 connected to this device</source>
        <translation>%1 hat sich mit diesem Gerät verbunden</translation>
    </message>
    <message>
        <source>This device connected to %1</source>
        <translation>Dieses Gerät hat sich mit %1 verbunden</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>interested</source>
        <translation>interessiert</translation>
    </message>
    <message>
        <source>choked by peer</source>
        <translation>vom Peer gedrosselt</translation>
    </message>
    <message>
        <source>unchoked us</source>
        <translation>Peer sendet an uns</translation>
    </message>
    <message>
        <source>peer waits for us</source>
        <translation>Peer wartet auf uns</translation>
    </message>
    <message>
        <source>uploading to peer</source>
        <translation>sendet an Peer</translation>
    </message>
    <message>
        <source>This device wants pieces the peer has.</source>
        <translation>Dieses Gerät möchte Teile, die der Peer hat.</translation>
    </message>
    <message>
        <source>The peer has nothing this device still needs.</source>
        <translation>Der Peer hat nichts, was dieses Gerät noch braucht.</translation>
    </message>
    <message>
        <source>The peer does not send to this device right now (choked).</source>
        <translation>Der Peer sendet gerade nicht an dieses Gerät (gedrosselt).</translation>
    </message>
    <message>
        <source>The peer lets this device request pieces (unchoked).</source>
        <translation>Der Peer lässt dieses Gerät Teile anfordern (freigegeben).</translation>
    </message>
    <message>
        <source>The peer wants pieces this device has.</source>
        <translation>Der Peer möchte Teile, die dieses Gerät hat.</translation>
    </message>
    <message>
        <source>The peer needs nothing from this device.</source>
        <translation>Der Peer braucht nichts von diesem Gerät.</translation>
    </message>
    <message>
        <source>This device does not send to the peer right now (choking it).</source>
        <translation>Dieses Gerät sendet gerade nicht an den Peer (drosselt ihn).</translation>
    </message>
    <message>
        <source>This device lets the peer request pieces (unchoked).</source>
        <translation>Dieses Gerät lässt den Peer Teile anfordern (freigegeben).</translation>
    </message>
    <message>
        <source>How long our uploads to this peer wait in queues on the way (round trip above the path&apos;s minimum). Uploads hold back as it nears 100 ms (LEDBAT), so the user&apos;s other traffic on the link keeps flowing</source>
        <translation>Wie lange unsere Uploads zu diesem Peer unterwegs in Warteschlangen stehen (Umlaufzeit über dem Minimum des Pfads). Uploads halten sich zurück, wenn sie sich 100 ms nähert (LEDBAT), damit der übrige Verkehr des Benutzers auf der Leitung weiterfließt</translation>
    </message>
    <message>
        <source>Upload delay</source>
        <translation>Upload-Verzögerung</translation>
    </message>
    <message>
        <source>Upload window: %1 outstanding at most</source>
        <translation>Upload-Fenster: höchstens %1 ausstehend</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>opendo::ui::PeerTestResultPage</name>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>The test did not run.</source>
        <translation>Der Test wurde nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Success: the peer at %1 answered.</source>
        <translation>Erfolg: Der Peer unter %1 hat geantwortet.</translation>
    </message>
    <message>
        <source>The connection to %1 failed.</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>opendo::ui::PeersPanel</name>
    <message>
        <source>No peer connections. Peers connect when a download of shareable content runs and other agents have it; see the listening address above.</source>
        <translation>Keine Peer-Verbindungen. Peers verbinden sich, wenn ein Download teilbarer Inhalte läuft und andere Agenten diese haben; siehe die Empfangsadresse oben.</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Keine Empfangsadresse</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Empfängt auf %1</translation>
    </message>
    <message>
        <source>Download mode %1</source>
        <translation>Downloadmodus %1</translation>
    </message>
    <message>
        <source>Peering on</source>
        <translation>Peering an</translation>
    </message>
    <message>
        <source>Peering off</source>
        <translation>Peering aus</translation>
    </message>
    <message>
        <source>Peering off (%1)</source>
        <translation>Peering aus (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n peer(s)</source>
        <translation>
            <numerusform>%n Peer</numerusform>
            <numerusform>%n Peers</numerusform>
        </translation>
    </message>
    <message>
        <source>down %1, up %2</source>
        <translation>empfangen %1, gesendet %2</translation>
    </message>
    <message numerus="yes">
        <source>%n ban(s)</source>
        <translation>
            <numerusform>%n Sperre</numerusform>
            <numerusform>%n Sperren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hash failure(s)</source>
        <translation>
            <numerusform>%n Hash-Fehler</numerusform>
            <numerusform>%n Hash-Fehler</numerusform>
        </translation>
    </message>
    <message>
        <source>Uploading off (%1)</source>
        <translation>Senden aus (%1)</translation>
    </message>
    <message>
        <source>Download mode %1 (configured %2)</source>
        <translation>Downloadmodus %1 (konfiguriert: %2)</translation>
    </message>
    <message>
        <source>No discovery service (static peers only)</source>
        <translation>Kein Erkennungsdienst (nur statische Peers)</translation>
    </message>
    <message>
        <source>Discovery %1</source>
        <translation>Erkennungsdienst %1</translation>
    </message>
    <message>
        <source>Discovery %1, sees us as %2</source>
        <translation>Erkennungsdienst %1, sieht uns als %2</translation>
    </message>
    <message>
        <source>Banned peers</source>
        <translation>Gesperrte Peers</translation>
    </message>
    <message>
        <source>Ended connections</source>
        <translation>Beendete Verbindungen</translation>
    </message>
    <message numerus="yes">
        <source>Only local peers (DNS-SD): %n found</source>
        <translation>
            <numerusform>Nur lokale Peers (DNS-SD): %n gefunden</numerusform>
            <numerusform>Nur lokale Peers (DNS-SD): %n gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Only local peers (DNS-SD), which fails: %1</source>
        <translation>Nur lokale Peers (DNS-SD), was fehlschlägt: %1</translation>
    </message>
    <message>
        <source>Could not connect (last hour)</source>
        <translation>Keine Verbindung möglich (letzte Stunde)</translation>
    </message>
</context>
<context>
    <name>opendo::ui::PolicyDetailView</name>
    <message>
        <source>Use &amp;default</source>
        <translation>&amp;Standard verwenden</translation>
    </message>
    <message>
        <source>Stage removing this setting from the chosen layer</source>
        <translation>Entfernen dieser Einstellung aus der gewählten Ebene vormerken</translation>
    </message>
    <message>
        <source>Discard &amp;edit</source>
        <translation>&amp;Bearbeitung verwerfen</translation>
    </message>
    <message>
        <source>Select a setting to see its details.</source>
        <translation>Wählen Sie eine Einstellung aus, um Details anzuzeigen.</translation>
    </message>
    <message>
        <source>Group Policy</source>
        <translation>Gruppenrichtlinie</translation>
    </message>
    <message>
        <source>Registry value</source>
        <translation>Registrierungswert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Allowed values</source>
        <translation>Zulässige Werte</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Use instead</source>
        <translation>Stattdessen verwenden</translation>
    </message>
    <message>
        <source>Sources disagree: %1</source>
        <translation>Widersprüchliche Quellen: %1</translation>
    </message>
    <message>
        <source>Effective: %1 — from %2</source>
        <translation>Wirksam: %1 — Quelle: %2</translation>
    </message>
    <message>
        <source> (the local setting %1 is overridden by policy)</source>
        <translation> (die lokale Einstellung %1 wird durch die Richtlinie überschrieben)</translation>
    </message>
</context>
<context>
    <name>opendo::ui::PolicyEditorPanel</name>
    <message>
        <source>Filter settings by name or description (Ctrl+F)</source>
        <translation>Einstellungen nach Name oder Beschreibung filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Policy (as Group Policy / MDM)</source>
        <translation>Richtlinie (wie Gruppenrichtlinie / MDM)</translation>
    </message>
    <message>
        <source>Local setting</source>
        <translation>Lokale Einstellung</translation>
    </message>
    <message>
        <source>Apply &amp;to:</source>
        <translation>Übernehmen &amp;als:</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Vorlagen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Staged changes</source>
        <translation>Vorgemerkte Änderungen</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Validate every staged change and apply them together (Ctrl+Enter)</source>
        <translation>Alle vorgemerkten Änderungen prüfen und gemeinsam übernehmen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>Ver&amp;werfen</translation>
    </message>
    <message>
        <source>No staged changes.</source>
        <translation>Keine vorgemerkten Änderungen.</translation>
    </message>
    <message numerus="yes">
        <source>%n staged change(s).</source>
        <translation>
            <numerusform>%n vorgemerkte Änderung.</numerusform>
            <numerusform>%n vorgemerkte Änderungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings applied.</source>
        <translation>Einstellungen übernommen.</translation>
    </message>
    <message>
        <source>Nothing was applied:
%1</source>
        <translation>Es wurde nichts übernommen:
%1</translation>
    </message>
    <message>
        <source>Preset &quot;%1&quot; staged — review the changes, then Apply.
%2</source>
        <translation>Vorlage „%1“ vorgemerkt — prüfen Sie die Änderungen und klicken Sie dann auf „Übernehmen“.
%2</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing was staged.

%1</source>
        <translation>Es wurde nichts vorgemerkt.

%1</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) staged from %1.</source>
        <translation>
            <numerusform>%n Einstellung aus %1 vorgemerkt.</numerusform>
            <numerusform>%n Einstellungen aus %1 vorgemerkt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Applied settings exported to %1.</source>
        <translation>Übernommene Einstellungen nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Registry file (*.reg);;Group Policy Registry.pol (*.pol);;MDM SyncML (*.xml);;JSON (*.json)</source>
        <translation>Registrierungsdatei (*.reg);;Gruppenrichtlinien-Registry.pol (*.pol);;MDM SyncML (*.xml);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Import policy file</source>
        <translation>Richtliniendatei importieren</translation>
    </message>
    <message>
        <source>Policy files (*.reg *.pol *.xml *.json);;</source>
        <translation>Richtliniendateien (*.reg *.pol *.xml *.json);;</translation>
    </message>
    <message>
        <source>Staged changes are not exported; apply them first.</source>
        <translation>Vorgemerkte Änderungen werden nicht exportiert; übernehmen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>Export policy file</source>
        <translation>Richtliniendatei exportieren</translation>
    </message>
    <message>
        <source>Staged by the troubleshooter — review the changes, then Apply.
%1</source>
        <translation>Von der Problembehandlung vorgemerkt — prüfen Sie die Änderungen und klicken Sie dann auf „Übernehmen“.
%1</translation>
    </message>
</context>
<context>
    <name>opendo::ui::PolicyTreeModel</name>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>%1 (deprecated)</source>
        <translation>%1 (veraltet)</translation>
    </message>
    <message>
        <source>%1 (staged)</source>
        <translation>%1 (vorgemerkt)</translation>
    </message>
    <message>
        <source>unset (staged)</source>
        <translation>entfernt (vorgemerkt)</translation>
    </message>
</context>
<context>
    <name>opendo::ui::PolicyValueEditor</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>item1,item2,…</source>
        <translation>Eintrag1,Eintrag2,…</translation>
    </message>
    <message>
        <source>D:\ or /var/cache/opendo</source>
        <translation>D:\ oder /var/cache/opendo</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Cache folder</source>
        <translation>Cacheordner</translation>
    </message>
</context>
<context>
    <name>opendo::ui::ResultsPage</name>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>The checks in the order they ran. Select one for what was seen and what to do.</source>
        <translation>Die Prüfungen in der Reihenfolge ihrer Ausführung. Wählen Sie eine aus, um den Befund und die empfohlenen Schritte zu sehen.</translation>
    </message>
    <message>
        <source>%1 failed, %2 warned, %3 passed, %4 not applicable.</source>
        <translation>%1 fehlgeschlagen, %2 mit Warnung, %3 bestanden, %4 nicht zutreffend.</translation>
    </message>
</context>
<context>
    <name>opendo::ui::RunChecksPage</name>
    <message>
        <source>Running the checks</source>
        <translation>Prüfungen werden ausgeführt</translation>
    </message>
    <message numerus="yes">
        <source>Running %n check(s) on the agent… Each takes at most %1 s.</source>
        <translation>
            <numerusform>%n Prüfung wird auf dem Agent ausgeführt… Sie dauert höchstens %1 s.</numerusform>
            <numerusform>%n Prüfungen werden auf dem Agent ausgeführt… Jede dauert höchstens %1 s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done in %1 s: %2 failed, %3 warned, %4 passed. Press Next for the results.</source>
        <translation>Fertig in %1 s: %2 fehlgeschlagen, %3 mit Warnung, %4 bestanden. Klicken Sie auf „Weiter“, um die Ergebnisse anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>opendo::ui::SavingsDemoPanel</name>
    <message>
        <source>Several agents on this computer, each on its own loopback address, download the same file from a local origin one after another, in LAN mode with HTTP held back while a peer can serve. The first device pays for the file on the origin link; the others get it from their peers. Every byte is a real transfer, verified piece by piece.</source>
        <translation>Mehrere Agenten auf diesem Computer, jeder mit eigener Loopback-Adresse, laden nacheinander dieselbe Datei von einem lokalen Ursprungsserver herunter – im LAN-Modus, wobei HTTP zurückgehalten wird, solange ein Peer liefern kann. Das erste Gerät bezahlt die Datei über die Verbindung zum Ursprungsserver; die anderen erhalten sie von ihren Peers. Jedes Byte ist eine echte Übertragung, Stück für Stück geprüft.</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Devices:</source>
        <translation>&amp;Geräte:</translation>
    </message>
    <message>
        <source>S&amp;tart one after another every:</source>
        <translation>Nacheinander s&amp;tarten alle:</translation>
    </message>
    <message>
        <source>&amp;Start demo</source>
        <translation>Demo &amp;starten</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Press Start to run the demo.</source>
        <translation>Klicken Sie auf „Demo starten“, um die Demo auszuführen.</translation>
    </message>
    <message>
        <source>From the origin (HTTP)</source>
        <translation>Vom Ursprungsserver (HTTP)</translation>
    </message>
    <message>
        <source>From peers</source>
        <translation>Von Peers</translation>
    </message>
    <message>
        <source>MiB received</source>
        <translation>Empfangene MiB</translation>
    </message>
    <message numerus="yes">
        <source>The origin sent %1 for %2 delivered to %n device(s).</source>
        <translation>
            <numerusform>Der Ursprungsserver hat %1 gesendet, %2 wurden an %n Gerät geliefert.</numerusform>
            <numerusform>Der Ursprungsserver hat %1 gesendet, %2 wurden an %n Geräte geliefert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Demo stopped.</source>
        <translation>Demo beendet.</translation>
    </message>
    <message>
        <source>Preparing a %1 file and its metainfo…</source>
        <translation>Eine Datei mit %1 und ihre Metainfo werden vorbereitet…</translation>
    </message>
    <message>
        <source>Running: peers have saved %1 % of the origin traffic so far.</source>
        <translation>Läuft: Peers haben bisher %1 % des Datenverkehrs vom Ursprungsserver eingespart.</translation>
    </message>
    <message>
        <source>Peers saved %1 % of the origin traffic.</source>
        <translation>Peers haben %1 % des Datenverkehrs vom Ursprungsserver eingespart.</translation>
    </message>
    <message>
        <source>Without peers the origin would have sent all %1. Done in %2 s; the devices keep seeding until you stop the demo.</source>
        <translation>Ohne Peers hätte der Ursprungsserver alle %1 gesendet. Fertig in %2 s; die Geräte stellen die Datei weiter bereit, bis Sie die Demo beenden.</translation>
    </message>
    <message>
        <source>The demo failed.</source>
        <translation>Die Demo ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>File si&amp;ze:</source>
        <translation>Dateig&amp;röße:</translation>
    </message>
    <message>
        <source>Time between one device&apos;s start and the next one&apos;s. At 0 all devices start together, fetch different pieces from the origin and swap the rest.</source>
        <translation>Zeit zwischen dem Start eines Geräts und dem des nächsten. Bei 0 starten alle Geräte gleichzeitig, holen unterschiedliche Stücke vom Ursprungsserver und tauschen den Rest untereinander aus.</translation>
    </message>
</context>
<context>
    <name>opendo::ui::SourceTotalsModel</name>
    <message>
        <source>Bytes moved in the selected period</source>
        <translation>Im gewählten Zeitraum übertragene Bytes</translation>
    </message>
    <message>
        <source>This class&apos;s part of all bytes moved in the selected period</source>
        <translation>Anteil dieser Klasse an allen im gewählten Zeitraum übertragenen Bytes</translation>
    </message>
    <message>
        <source>Bytes per second over the last second</source>
        <translation>Bytes pro Sekunde in der letzten Sekunde</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Rate now</source>
        <translation>Aktuelle Rate</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>This device only uploads to peers</source>
        <translation>Dieses Gerät lädt nur an Peers hoch</translation>
    </message>
</context>
<context>
    <name>opendo::ui::StagedChangesView</name>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Applied in layer</source>
        <translation>Übernommen in Ebene</translation>
    </message>
    <message>
        <source>Effective now</source>
        <translation>Jetzt wirksam</translation>
    </message>
    <message>
        <source>Staged</source>
        <translation>Vorgemerkt</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>unset</source>
        <translation>entfernt</translation>
    </message>
</context>
<context>
    <name>opendo::ui::SummaryPage</name>
    <message>
        <source>%1: not configured</source>
        <translation>%1: nicht konfiguriert</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Apply suggested fix</source>
        <translation>Vorgeschlagene Korrektur anwenden</translation>
    </message>
    <message>
        <source>Stage the change in the policy editor; nothing is applied until you press Apply there</source>
        <translation>Die Änderung im Richtlinien-Editor vormerken; angewendet wird erst, wenn Sie dort auf „Übernehmen“ klicken</translation>
    </message>
    <message>
        <source>The traced download</source>
        <translation>Der verfolgte Download</translation>
    </message>
    <message>
        <source>Suggested fix: %1</source>
        <translation>Vorgeschlagene Korrektur: %1</translation>
    </message>
    <message>
        <source>Nothing to fix.</source>
        <translation>Nichts zu korrigieren.</translation>
    </message>
    <message>
        <source>No policy change would cure this; follow the remedy above.</source>
        <translation>Keine Richtlinienänderung würde das beheben; folgen Sie der Abhilfe oben.</translation>
    </message>
    <message>
        <source>The fix is staged in the policy editor — review it there, then press Apply.</source>
        <translation>Die Korrektur ist im Richtlinien-Editor vorgemerkt — prüfen Sie sie dort und klicken Sie dann auf „Übernehmen“.</translation>
    </message>
</context>
<context>
    <name>opendo::ui::TroubleshootPanel</name>
    <message>
        <source>&amp;Run all checks</source>
        <translation>Alle Prüfungen &amp;ausführen</translation>
    </message>
    <message>
        <source>&amp;Save support bundle…</source>
        <translation>Supportpaket &amp;speichern…</translation>
    </message>
    <message>
        <source>Run every check and save the results, the settings and the recent log as one archive for a support request</source>
        <translation>Alle Prüfungen ausführen und die Ergebnisse, die Einstellungen und das aktuelle Protokoll als ein Archiv für eine Supportanfrage speichern</translation>
    </message>
    <message>
        <source>Run the checks or open a wizard for a specific problem.</source>
        <translation>Führen Sie die Prüfungen aus oder öffnen Sie einen Assistenten für ein bestimmtes Problem.</translation>
    </message>
    <message>
        <source>All checks</source>
        <translation>Alle Prüfungen</translation>
    </message>
    <message>
        <source>Solve a problem step by step</source>
        <translation>Ein Problem Schritt für Schritt lösen</translation>
    </message>
    <message>
        <source>I don&apos;t see bytes from peers…</source>
        <translation>Ich erhalte keine Bytes von Peers…</translation>
    </message>
    <message>
        <source>Test connection to a peer…</source>
        <translation>Verbindung zu einem Peer testen…</translation>
    </message>
    <message>
        <source>Downloads are slow or use too much bandwidth…</source>
        <translation>Downloads sind langsam oder verbrauchen zu viel Bandbreite…</translation>
    </message>
    <message>
        <source>The cache uses too much disk…</source>
        <translation>Der Cache belegt zu viel Speicherplatz…</translation>
    </message>
    <message>
        <source>Running every check…</source>
        <translation>Alle Prüfungen werden ausgeführt…</translation>
    </message>
    <message>
        <source>%1 checks in %2 s: %3 failed, %4 warned, %5 passed.</source>
        <translation>%1 Prüfungen in %2 s: %3 fehlgeschlagen, %4 mit Warnung, %5 bestanden.</translation>
    </message>
    <message>
        <source>Save support bundle</source>
        <translation>Supportpaket speichern</translation>
    </message>
    <message>
        <source>Support bundles (*.tar.gz)</source>
        <translation>Supportpakete (*.tar.gz)</translation>
    </message>
    <message>
        <source>Running every check and writing %1…</source>
        <translation>Alle Prüfungen werden ausgeführt und %1 wird geschrieben…</translation>
    </message>
    <message>
        <source>Support bundle saved to %1.</source>
        <translation>Supportpaket unter %1 gespeichert.</translation>
    </message>
    <message>
        <source>The support bundle could not be written: %1</source>
        <translation>Das Supportpaket konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>opendo::ui::UnreachablePeerModel</name>
    <message>
        <source>Failed attempts since %1</source>
        <translation>Fehlgeschlagene Versuche seit %1</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Letzter Versuch</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
</TS>
