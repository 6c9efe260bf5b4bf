/**
 * Any other report shape (guessed panels, SMPP receipts, query strings, forms): fields are found
 * by their aliases (aliases.ts), ignoring case and separators.
 */
import { canonicalKey, SMPP_TIME_FIELDS } from './aliases';
import { fieldHits, indexRecord } from './fields';
import { makeReport } from './report';
import { mapStatus } from './status';
import { parseReportTime } from './time';
import type { DeliveryReport, NormaliseOptions } from './types';

const SMPP_STAMP_KEYS = new Set<string>(SMPP_TIME_FIELDS.map(canonicalKey));

function firstTime(
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

export function fromAliases(record: Record<string, unknown>, options: NormaliseOptions): DeliveryReport {
	const index = indexRecord(record);
	const hits = (field: Parameters<typeof fieldHits>[2]) => fieldHits(record, index, field);
	const statusHits = hits('status');
	// Several status-like fields (`status: "OK"`, `description: "Absent Subscriber"`):
	// the first one we understand decides; otherwise the first one is kept as unknown.
	const understood = statusHits.find((hit) => mapStatus(hit.text) !== null);
	const statusHit = understood ?? statusHits[0];
	// `description` is the explanation when another field decided the status.
	const description = statusHits.find((hit) => hit !== statusHit && canonicalKey(hit.key) === 'description');

	return makeReport({
		shootId: hits('shootId')[0]?.text ?? null,
		mobile: hits('mobile')[0]?.text ?? null,
		status: understood ? (mapStatus(understood.text) ?? 'unknown') : 'unknown',
		providerStatus: statusHit?.text ?? null,
		reason: hits('reason')[0]?.text ?? description?.text ?? null,
		deliveredAt: firstTime(record, hits('deliveredAt'), options.timeZone),
		sentAt: firstTime(record, hits('sentAt'), options.timeZone),
		errorCode: hits('errorCode')[0]?.text ?? null,
		senderId: hits('senderId')[0]?.text ?? null,
		raw: record,
	});
}
