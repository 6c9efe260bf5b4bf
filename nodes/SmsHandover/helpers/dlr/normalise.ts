import { canonicalKey, SMPP_TIME_FIELDS } from './aliases';
import { fieldHits, indexRecord, isPlainObject } from './fields';
import { mapStatus } from './status';
import { parseReportTime } from './time';
import type { DeliveryReport, NormaliseOptions } from './types';

const SMPP_STAMP_KEYS = new Set<string>(SMPP_TIME_FIELDS.map(canonicalKey));

function deliveredAt(
	record: Record<string, unknown>,
	hits: ReturnType<typeof fieldHits>,
	timeZone: string | undefined,
): string | null {
	for (const hit of hits) {
		const value = record[hit.key];
		const iso = parseReportTime(typeof value === 'number' ? value : hit.text, {
			timeZone,
			smppStamp: SMPP_STAMP_KEYS.has(canonicalKey(hit.key)),
		});
		if (iso !== null) return iso;
	}
	return null;
}

/**
 * One report record in the common shape, or null when the record names no shoot id,
 * number or status at all (so it is not a delivery report).
 */
export function normaliseReport(
	record: Record<string, unknown>,
	options: NormaliseOptions = {},
): DeliveryReport | null {
	if (!isPlainObject(record)) return null;
	const index = indexRecord(record);
	const shootId = fieldHits(record, index, 'shootId')[0]?.text ?? null;
	const mobile = fieldHits(record, index, 'mobile')[0]?.text ?? null;
	const statusHits = fieldHits(record, index, 'status');
	if (shootId === null && mobile === null && statusHits.length === 0) return null;

	// Several status-like fields (`status: "OK"`, `description: "Absent Subscriber"`):
	// the first one we understand decides; otherwise the first one is kept as unknown.
	const understood = statusHits.find((hit) => mapStatus(hit.text) !== null);
	const statusHit = understood ?? statusHits[0];

	return {
		shootId,
		mobile,
		status: understood ? (mapStatus(understood.text) ?? 'unknown') : 'unknown',
		providerStatus: statusHit?.text ?? null,
		deliveredAt: deliveredAt(record, fieldHits(record, index, 'deliveredAt'), options.timeZone),
		errorCode: fieldHits(record, index, 'errorCode')[0]?.text ?? null,
		raw: record,
	};
}
