'use strict';
// Times as the panel writes them. The simulator runs in UTC; the panel's clock is a fixed UTC offset.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n, width = 2) => String(n).padStart(width, '0');

/** The panel's wall clock at `ms` (a Date whose UTC fields are the panel's local fields). */
const wallClock = (ms, utcOffsetMinutes) => new Date(Math.floor(ms / 1000) * 1000 + utcOffsetMinutes * 60000);

/** 'YYYY-MM-DD HH:mm:ss' on the panel's clock. */
function formatDateTime(ms, utcOffsetMinutes) {
	const d = wallClock(ms, utcOffsetMinutes);
	return (
		`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
		`${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
	);
}

/** How Node names a fixed-offset zone in Date.prototype.toString(). */
function zoneName(utcOffsetMinutes) {
	if (utcOffsetMinutes === 330) return 'India Standard Time';
	if (utcOffsetMinutes === 0) return 'Coordinated Universal Time';
	const abs = Math.abs(utcOffsetMinutes);
	return `GMT${utcOffsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * What `${date}` gives on a panel server whose clock is UTC+offset, for a mariadb TIMESTAMP read
 * as a JS Date: e.g. 'Mon Nov 30 2026 10:20:36 GMT+0530 (India Standard Time)'.
 */
function formatDateString(ms, utcOffsetMinutes) {
	const d = wallClock(ms, utcOffsetMinutes);
	const abs = Math.abs(utcOffsetMinutes);
	const offset = `${utcOffsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
	return (
		`${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCFullYear(), 4)} ` +
		`${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT${offset} (${zoneName(utcOffsetMinutes)})`
	);
}

module.exports = { formatDateTime, formatDateString };
