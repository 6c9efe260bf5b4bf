/**
 * Wall-clock time in an IANA zone, for the schedule time the panel reads and the report times it
 * writes. Luxon (which n8n ships) knows the zones' offsets; which instant a zone-less wall time
 * denotes on a day the clocks change is decided here, the same way for both.
 */
import { IANAZone } from 'luxon';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export function isValidTimeZone(timeZone: unknown): timeZone is string {
	return typeof timeZone === 'string' && timeZone.trim() !== '' && IANAZone.isValidZone(timeZone);
}

/** The zone's offset from UTC at an instant, in ms (Asia/Kolkata: +19,800,000). */
function offsetAt(instantMs: number, timeZone: string): number {
	return IANAZone.create(timeZone).offset(instantMs) * MINUTE_MS;
}

/**
 * The instant a zone-less wall-clock time (given as if it were UTC) denotes in `timeZone`. The
 * offset is looked up as it was a day before and a day after (no zone changes offset twice within
 * two days), and each candidate is kept only if the zone really shows that wall time at it:
 * - one candidate: the normal case;
 * - two: the wall time happens twice (clocks went back); the earlier one is taken;
 * - none: the wall time was skipped (clocks went forward); it is moved forward by the gap, so
 *   02:30 on a spring-forward night in New York means 03:30 daylight time.
 * This is the "compatible" choice of Temporal and of most calendar applications. Luxon's own
 * choice for a repeated hour depends on the offset in force when the code runs, so it is not used.
 */
export function wallClockToInstant(asUtc: number, timeZone: string): number {
	const offsetBefore = offsetAt(asUtc - DAY_MS, timeZone);
	const offsetAfter = offsetAt(asUtc + DAY_MS, timeZone);
	const candidates = [asUtc - offsetBefore, asUtc - offsetAfter].filter(
		(instant) => instant + offsetAt(instant, timeZone) === asUtc,
	);
	if (candidates.length === 0) return asUtc - offsetBefore;
	return Math.min(...candidates);
}
