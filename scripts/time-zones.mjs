#!/usr/bin/env node
// Writes credentials/timeZones.json, the Account Time Zone list of the SMS Handover API credential:
// every zone and link name of the IANA tz database (tzdata.zi), so a name a user typed before the
// list existed (Asia/Calcutta, US/Eastern, UTC) is still in it. Run once per tzdata release:
//   node scripts/time-zones.mjs [path/to/tzdata.zi]
// Why not Intl.supportedValuesOf('timeZone'): on Node 20 and 24 it lists Asia/Calcutta but not
// Asia/Kolkata (the credential's default), and not UTC.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IANAZone } from 'luxon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? '/usr/share/zoneinfo/tzdata.zi';
const text = fs.readFileSync(source, 'utf8');

const version = /^# version (\S+)/m.exec(text)?.[1] ?? 'unknown';
const names = new Set();
for (const line of text.split('\n')) {
	// "Z <name> ..." declares a zone, "L <target> <name>" a link (an older or alternative name).
	const fields = line.trim().split(/\s+/);
	if (fields[0] === 'Z') names.add(fields[1]);
	if (fields[0] === 'L') names.add(fields[2]);
}
names.delete('Factory'); // tzdata's placeholder zone, not a place
for (const required of ['Asia/Kolkata', 'UTC']) names.add(required);

// Only names the running Node (through Luxon, as the node uses them) accepts.
const refused = [...names].filter((name) => !IANAZone.isValidZone(name));
const zones = [...names].filter((name) => IANAZone.isValidZone(name)).sort();

const target = path.join(root, 'credentials', 'timeZones.json');
fs.writeFileSync(target, `${JSON.stringify({ tzdata: version, zones }, null, '\t')}\n`);
console.log(`${path.relative(root, target)}: ${zones.length} names from tzdata ${version}` + (refused.length ? `; left out (Node does not know them): ${refused.join(', ')}` : ''));
