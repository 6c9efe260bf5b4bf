import { STATUS_CODES, STATUS_WORDS } from './statusMap';
import type { DeliveryStatus } from './types';

const RECEIPT_STAT = /(?:^|\s)stat:\s*([A-Za-z_]+)/i;

/** The status a provider's text stands for, or null when the text is unfamiliar. */
export function mapStatus(text: string): DeliveryStatus | null {
	const trimmed = text.trim();
	if (trimmed === '') return null;
	if (/^\d+$/.test(trimmed)) return STATUS_CODES[String(Number(trimmed))] ?? null;
	// A whole SMPP receipt pasted into a status field still says its status after "stat:".
	const receiptStat = RECEIPT_STAT.exec(trimmed);
	const word = (receiptStat ? receiptStat[1] : trimmed).toLowerCase().replace(/[\s_-]+/g, '');
	return Object.prototype.hasOwnProperty.call(STATUS_WORDS, word) ? STATUS_WORDS[word] : null;
}

/** Normalised status for any value; unfamiliar or missing values are `unknown`. */
export function normaliseStatus(value: unknown): DeliveryStatus {
	if (typeof value === 'number' && Number.isFinite(value)) return mapStatus(String(value)) ?? 'unknown';
	if (typeof value !== 'string') return 'unknown';
	return mapStatus(value) ?? 'unknown';
}
