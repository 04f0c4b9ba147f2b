<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>opendo::agent::AgentEngine</name>
    <message>
        <source>Cannot open the agent database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the policy settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown file type; use .reg, .pol, .xml (SyncML) or .json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file is %2 bytes; policy files over %3 bytes are refused.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opendo::console</name>
    <message>
        <source>OpenDO console: Delivery Optimization administration with an embedded agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent data directory (database and cache).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language (en, de); overrides the setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panel to show first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; use en or de.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy editor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opendo::policy</name>
    <message>
        <source>HTTP only: no peer-to-peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LAN: peers behind the same NAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group: peers of the same group, across NATs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet: LAN and Internet peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simple: HTTP only, no cloud service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bypass: hand over to BITS (deprecated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unset: AD site, then domain SID, then tenant ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active Directory site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticated domain SID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DHCP option 234</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Entra tenant ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No restriction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same subnet only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local peers found through DNS-SD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DNS-SD cache server discovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DHCP option 235</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DHCP option 235, overriding DOCacheHost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No peering while on VPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peering allowed while on VPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache servers used while on VPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache servers skipped while on VPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlimited: kept until the space is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No policy limit: the service default applies (no uploads on battery)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic: adapts to the available bandwidth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which sources besides the origin server a download may use, from none to Internet peers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDO uses 1 (LAN) as the default, like the reference page and the ADML preset; the CSP property table lists 0. Value 100 (Bypass) is deprecated in Windows 11: use 0 to turn peering off, or 99 for offline devices. Values 99 and 100 exist since Windows 10 1607; the reference dates the setting to 1511, the CSP to 1507.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A GUID that puts devices into one peer group for Group mode, even across sites and domains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources disagree on precedence: the 2024 reference says DOGroupIdSource is ignored when DOGroupId is set, while the ADML and the 2019 CSP say setting DOGroupIdSource makes DOGroupId ignored. OpenDO follows the 2024 reference: DOGroupId wins when set. The CSP dates the setting to Windows 10 1607, the reference to 1511.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where Group mode takes the group identity from when no Group ID is given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value 5 (tenant ID) needs Windows 10 1903. OpenDO ignores this setting while DOGroupId is set (see DOGroupId for the disagreement between sources).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps LAN and Group peering to the own subnet or to locally discovered peers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDO uses 0 (no restriction), the Windows 10 default. The Windows 11 default is disputed: Subnet in LAN mode (reference 2024), Local peer discovery (CSP note), or DNS-SD for consumer and Subnet for commercial devices (reference 2023). The reference page calls value 0 NAT; value 2 needs Windows 11 22H2 and older ADMX files offer only 0 and 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a completed file stays in the cache and is offered to peers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDO uses 259200 seconds (3 days), like the reference page and the ADML; the CSP text says 604800 (7 days). Value 0 needs Windows 10 1607; the reference dates the setting to 1511, the CSP to 1507.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest cache size as a share of the free space on the cache drive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference dates the setting to Windows 10 1511, the CSP to 1507.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest cache size in GB; wins over the percentage limit when set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDO uses 10 GB, like the ADML and older documents; the 2024 reference says not configured and the CSP property default is 0 (unlimited).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drive, folder or environment variable to keep the cache in instead of the default place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set by default: on this platform the cache then lives inside the agent&apos;s data directory. On Windows the default is %SystemDrive%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files smaller than this many MB are not shared with peers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDO uses 50 MB, like the reference and configuration pages; the CSP text and the ADML preset say 100 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed ceiling in KB/s shared by all foreground downloads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed ceiling in KB/s shared by all background downloads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreground downloads together may use at most this share of the measured bandwidth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background downloads together may use at most this share of the measured bandwidth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background downloads are kept at least this fast in KB/s by adding HTTP traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDO uses 500 KB/s (ADML, 2019 CSP, older reference); the 2024 reference says 2500 while still recommending 500, and the CSP from 2023 says 20480. The reference spells the key DOMinBackgroundQoS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legacy speed ceiling in KB/s for uploads to peers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original Windows 10 1511 ADMX already had it, without a range. Unlimited by default; DOMonthlyUploadDataCap still limits the upload volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GB a device may upload to Internet peers per calendar month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDO uses 20 GB, like the reference page and the ADML; the CSP text from 2023 says 5120 GB (5 TB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds a foreground download tries peers before it also fetches over HTTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum 4294967295 follows the ADMX and the CSP from 2023; the 2019 CSP and Intune Graph allow at most 86400. The 2019 CSP describes 0 as managed by the cloud service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds a background download tries peers before it also fetches over HTTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legacy single speed ceiling in KB/s for all downloads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legacy single bandwidth share for all downloads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference dates the deprecation to Windows 10 2004; the 2019 CSP already marked it deprecated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A daily window with one foreground bandwidth share inside it and another outside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour at which the foreground business-hours window opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour at which the foreground business-hours window closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreground bandwidth share allowed inside business hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreground bandwidth share allowed outside business hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A daily window with one background bandwidth share inside it and another outside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour at which the background business-hours window opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour at which the background business-hours window closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background bandwidth share allowed inside business hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background bandwidth share allowed outside business hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated cache server names or addresses, tried one at a time in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSP dates the setting to Windows 10 1709, the reference to 1809.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finds cache servers at run time through DHCP option 235.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set by default; the CSP says the client then tries DNS-SD cache discovery. OpenDO accepts 0-2, the documented values, although the CSP declares 0-4294967295. Value 0 appears only in newer CSP text; the ADMX and the reference list just 1 and 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds a foreground download keeps trying cache servers before using HTTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference page names it DelayCacheServerFallbackForeground, without the DO prefix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds a background download keeps trying cache servers before using HTTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference page names it DelayCacheServerFallbackBackground, without the DO prefix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While on a VPN, skip cache servers and download from the origin instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry value name is assumed to equal the key (no ADMX from 22H2 on was available); the ADMX policy itself is named AllowCacheHostWithVPN. Needs Windows 11 22H2 build 10.0.22621.2361 per the 2024 CSP; the 2023 CSP said Windows 11 21H2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices with less memory than this many GB stay out of peering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices whose cache drive holds fewer GB than this stay out of peering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On battery, a device serves LAN and Group peers only while its charge is at least this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSP dates the setting to Windows 10 1703, the reference to 1709.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps peering with domain peers going while a VPN is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More adapter-name words that mark a VPN, besides the built-in VPN, Secure and Virtual Private Network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set by default; the built-in keywords VPN, Secure and Virtual Private Network always apply. The registry value name is assumed to equal the key (no ADMX from 22H2 on was available). Needs Windows 11 22H2 build 10.0.22621.2361 per the 2024 CSP; the 2023 CSP said Windows 11 21H2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download mode and peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPN and power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On/off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single office LAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All devices sit behind one Internet connection. LAN mode shares between devices behind the same public address, restricted to the local subnet; smaller files are shared too (10 MB), and finished files stay available to peers for a week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch offices sharing a group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites connected by a WAN or VPN share content across their NATs. Group mode with a newly generated group id: deploy the same id to every device of the group. Uploads are capped at 50 GB a month and HTTP waits 60 s in the background so peers are tried first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote and VPN workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laptops at home or on a VPN should not pull content across the corporate tunnel or drain their battery. Peering pauses on VPN (common VPN adapter names are matched), cache servers are skipped on VPN, uploads on battery need at least 60 % charge, and devices with less than 8 GB RAM do not serve peers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bandwidth-limited site with business hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A site on a thin WAN link: during business hours (8:00 to 17:00) background downloads may use 20 % and foreground downloads 60 % of the measured bandwidth, outside them 90 % and 100 %. Background downloads wait up to an hour for peers before using HTTP, and the background speed floor is lowered to 100 KB/s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Delivery Optimization setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved, nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is not one of the allowed values: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is outside the allowed range %3 to %4%5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a GUID; a group id looks like 1f2e3d4c-5b6a-4789-8123-456789abcdef.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the value is %2 characters long; at most %3 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the value contains a control character (U+%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the value is empty; reset the setting instead to leave it unconfigured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; has an empty item; separate items with single commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no value of its own; set its From, To, In and Out values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the business-hours window ends at %2:00, the hour it starts; a window needs a different start and end hour (it may wrap past midnight).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the business-hours payload %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains stray text &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains an unexpected &lt;%1&gt;; only &lt;enabled/&gt;, &lt;disabled/&gt; and &lt;data id=&quot;...&quot; value=&quot;...&quot;/&gt; belong there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has an unknown or repeated data id &quot;%1&quot;; expected %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not well-formed XML: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be either &lt;enabled/&gt; with its four values, or &lt;disabled/&gt; alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lacks &lt;data id=&quot;%1&quot; value=&quot;...&quot;/&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a whole number, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be %2 or null (to remove the setting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>byte offset %1: the file is not valid JSON: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file must hold a JSON object with &quot;format&quot;, &quot;version&quot; and &quot;policies&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown top-level key; expected &quot;format&quot;, &quot;version&quot; and &quot;policies&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be %1; this file has another version or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object mapping setting names to values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry file (.reg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group Policy Registry.pol (.pol)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MDM SyncML (.xml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDO JSON (.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is %1 bytes long; policy files larger than %2 bytes are not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a business-hours group and has no value of its own; set %2 instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Delivery Optimization setting OpenDO knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value has no name; Delivery Optimization settings are named values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a number (REG_DWORD), but the document gives it as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds text (REG_SZ), but the document gives it as a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-16 big-endian files are not supported; save the file as UTF-16LE or UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the UTF-16 text ends in the middle of a character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is not valid UTF-16LE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a backslash in a quoted string must be written as \\.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quoted string is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected = after the value name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected text after the closing quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a dword; write 1 to 8 hexadecimal digits, e.g. dword:0000000a.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 values are not supported; Delivery Optimization settings are dword or string values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the value; expected dword:XXXXXXXX, &quot;text&quot; or -.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the header &quot;%1&quot; (or %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key line lacks its ].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1] is not the Delivery Optimization policy key HKEY_LOCAL_MACHINE\%2; a policy file may only contain that key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key&apos;s default value (@) is not a Delivery Optimization setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read this line; expected a [key], a &quot;Name&quot;=value line or a ; comment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value must follow the [%1] key line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty; expected the header &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>byte offset %1 (0x%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;%1&apos; (UTF-16LE) but found 0x%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 has an odd number of bytes left, so it is not UTF-16LE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 has no NUL terminator before the end of the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data size %1 runs past the end of the file (%2 bytes left).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file ends in the middle of an entry (expected %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the string data has an odd number of bytes, so it is not UTF-16LE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the string data is not NUL-terminated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the string data contains a NUL character before its end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the special value %1 is not supported in a Delivery Optimization policy file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a REG_DWORD holds 4 bytes, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: registry type %2 is not supported; Delivery Optimization settings are REG_DWORD (4) or REG_SZ (1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file does not start with the Registry.pol signature PReg followed by a version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry.pol version %1 is not supported; only version 1 exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the entry is for key %1; a Delivery Optimization policy file may only contain %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elements are nested more than %1 deep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected text &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document type declarations (DTD) are not allowed in a SyncML policy file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the root element is &lt;%1&gt;, not &lt;SyncML&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &lt;%1&gt; in &lt;SyncML&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document has no &lt;SyncML&gt;&lt;SyncBody&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not supported; a policy file uses &lt;Replace&gt;, &lt;Add&gt; and &lt;Delete&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;LocURI&gt;%1&lt;/LocURI&gt; is not a Delivery Optimization Policy CSP node; expected %2&lt;setting&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Policy CSP node of its own; set it through %2%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the &lt;Item&gt; has no &lt;Data&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &lt;Format&gt; %2 is not supported here; use %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opendo::ui</name>
    <message>
        <source>Not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a GUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drive, folder or environment variable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opendo::ui::BusinessHoursEditor</name>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cap inside:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cap outside:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opendo::ui::MainWindow</name>
    <message>
        <source>OpenDO Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About OpenDO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About OpenDO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDO %1 — an open implementation of Delivery Optimization: a peer-assisted download cache with verified pieces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console uses the new language the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opendo::ui::PolicyDetailView</name>
    <message>
        <source>Use &amp;default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage removing this setting from the chosen layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard &amp;edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a setting to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources disagree: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective: %1 — from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the local setting %1 is overridden by policy)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opendo::ui::PolicyEditorPanel</name>
    <message>
        <source>Filter settings by name or description (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy (as Group Policy / MDM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staged changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate every staged change and apply them together (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No staged changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n staged change(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Settings applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was applied:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset &quot;%1&quot; staged — review the changes, then Apply.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was staged.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) staged from %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied settings exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry file (*.reg);;Group Policy Registry.pol (*.pol);;MDM SyncML (*.xml);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import policy file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy files (*.reg *.pol *.xml *.json);;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staged changes are not exported; apply them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export policy file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opendo::ui::PolicyTreeModel</name>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (deprecated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (staged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unset (staged)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opendo::ui::PolicyValueEditor</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item1,item2,…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D:\ or /var/cache/opendo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>opendo::ui::StagedChangesView</name>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied in layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
