import type { DeliveryReport } from './types';

/** The order n8n shows an item's fields in: what a user branches on first, the raw record last. */
export function makeReport(fields: Partial<DeliveryReport> & Pick<DeliveryReport, 'raw'>): DeliveryReport {
	return {
		shootId: fields.shootId ?? null,
		mobile: fields.mobile ?? null,
		status: fields.status ?? 'unknown',
		providerStatus: fields.providerStatus ?? null,
		reason: fields.reason ?? null,
		deliveredAt: fields.deliveredAt ?? null,
		sentAt: fields.sentAt ?? null,
		errorCode: fields.errorCode ?? null,
		senderId: fields.senderId ?? null,
		messageIds: fields.messageIds ?? [],
		parts: fields.parts ?? null,
		route: fields.route ?? null,
		attempt: fields.attempt ?? null,
		raw: fields.raw,
	};
}

/** `err:000` inside an operator reply or SMPP receipt text. */
export function receiptErrorCode(text: string | null): string | null {
	const match = text === null ? null : /(?:^|\s)err:\s*([^\s]+)/i.exec(text);
	return match ? match[1] : null;
}
