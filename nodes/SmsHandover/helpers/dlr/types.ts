/** The normalised delivery statuses a report can have; `unknown` keeps unfamiliar reports flowing. */
export const DELIVERY_STATUSES = [
	'delivered',
	'failed',
	'pending',
	'expired',
	'rejected',
	'unknown',
] as const;

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Route the panel sent the message on (the native push's `route_data`). */
export interface ReportRoute {
	id: string | null;
	name: string | null;
}

/**
 * One delivery report (one recipient), whatever shape the panel pushed or served it in.
 * Every field is always present; what a shape does not carry is null (or [] for messageIds).
 */
export interface DeliveryReport {
	shootId: string | null;
	mobile: string | null;
	status: DeliveryStatus;
	/** The status text exactly as the provider sent it. */
	providerStatus: string | null;
	/** The provider's explanation: the operator's reply, a getDLR `DESC`, a description field. */
	reason: string | null;
	/** ISO 8601 (UTC), or null when the report carries no readable time. */
	deliveredAt: string | null;
	/** When the panel sent the message (ISO 8601, UTC), when the report says. */
	sentAt: string | null;
	errorCode: string | null;
	senderId: string | null;
	/** Ids of the message's parts as the panel lists them (its push lists one more than it sends). */
	messageIds: string[];
	/** SMS parts charged for this recipient. */
	parts: number | null;
	route: ReportRoute | null;
	/** Which delivery attempt of the panel this push is (1 = first). */
	attempt: number | null;
	/** The record as received, so nothing the provider sent is lost. */
	raw: Record<string, unknown>;
}

export interface NormaliseOptions {
	/**
	 * IANA zone used for times that carry no offset (panels send local wall-clock time).
	 * Defaults to UTC. An unknown zone also falls back to UTC.
	 */
	timeZone?: string;
}
