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

/** One delivery report, whatever shape the panel pushed or served it in. */
export interface DeliveryReport {
	shootId: string | null;
	mobile: string | null;
	status: DeliveryStatus;
	/** The status text exactly as the provider sent it. */
	providerStatus: string | null;
	/** ISO 8601 (UTC), or null when the report carries no readable time. */
	deliveredAt: string | null;
	errorCode: string | null;
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
