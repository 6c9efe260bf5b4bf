import { createHash } from 'crypto';

import type { DeliveryReport } from '../helpers/dlr';

/**
 * What deduplication may remember, in one n8n process. Every report is remembered by the SHA-256
 * digest of its identity (44 characters, whatever its shoot id holds), about 100 bytes each, so
 * the whole store stays under about 50 MB.
 */
export const MAX_REPORTS_PER_TRIGGER = 50_000;
export const MAX_REMEMBERED_REPORTS = 500_000;

/**
 * Identity of a report for deduplication: shoot id, number, message ids and status (the
 * provider's text too when the status is unknown, so two different unfamiliar statuses stay
 * apart). Message ids keep apart two messages to one number that share a shoot id, or have none
 * (an ntapi push names only its SMID). Null when the report names neither shoot id nor number.
 */
export function dedupeKey(report: DeliveryReport): string | null {
	if (report.shootId === null && report.mobile === null) return null;
	const status =
		report.status === 'unknown' ? `unknown:${(report.providerStatus ?? '').toLowerCase()}` : report.status;
	const mobile = report.mobile === null ? '' : report.mobile.replace(/\D/g, '') || report.mobile;
	return [report.shootId ?? '', mobile, report.messageIds.join(','), status].join('\u0001');
}

const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest('base64');

/**
 * Reports already seen, per trigger (scope), kept in memory for a time window. A trigger keeps at
 * most its quota: past it, it forgets its own oldest reports, so one workflow's flood never evicts
 * another's. Past the process total (many busy triggers), the trigger that remembers most gives way.
 * Maps keep insertion order, which is time order, so expiry and eviction read from the front.
 */
export class SeenReports {
	private readonly scopes = new Map<string, Map<string, number>>();

	private count = 0;

	constructor(
		private readonly perTrigger = MAX_REPORTS_PER_TRIGGER,
		private readonly total = MAX_REMEMBERED_REPORTS,
	) {}

	get size(): number {
		return this.count;
	}

	/** The items not seen within `windowMs` before `now`; remembers them as seen now. */
	keepUnseen<T>(
		scope: string,
		items: T[],
		keyOf: (item: T) => string | null,
		windowMs: number,
		now: number,
	): T[] {
		if (!(windowMs > 0)) return items;
		let seen = this.scopes.get(scope);
		if (!seen) this.scopes.set(scope, (seen = new Map<string, number>()));
		const cutoff = now - windowMs;
		this.expire(seen, cutoff);
		const kept: T[] = [];
		for (const item of items) {
			const key = keyOf(item);
			if (key !== null) {
				const hashed = digest(key);
				const seenAt = seen.get(hashed);
				if (seenAt !== undefined && seenAt > cutoff) continue;
				if (seenAt !== undefined) this.remove(seen, hashed);
				seen.set(hashed, now);
				this.count++;
				if (seen.size > this.perTrigger) this.removeOldest(seen);
			}
			kept.push(item);
		}
		this.evictOverTotal();
		if (seen.size === 0) this.scopes.delete(scope);
		return kept;
	}

	/** How many reports one trigger remembers. */
	sizeOf(scope: string): number {
		return this.scopes.get(scope)?.size ?? 0;
	}

	clear(): void {
		this.scopes.clear();
		this.count = 0;
	}

	private expire(seen: Map<string, number>, cutoff: number): void {
		for (const [key, seenAt] of seen) {
			if (seenAt > cutoff) break;
			this.remove(seen, key);
		}
	}

	private remove(seen: Map<string, number>, key: string): void {
		if (seen.delete(key)) this.count--;
	}

	private removeOldest(seen: Map<string, number>): void {
		for (const key of seen.keys()) {
			this.remove(seen, key);
			return;
		}
	}

	private evictOverTotal(): void {
		while (this.count > this.total) {
			let largest: Map<string, number> | undefined;
			for (const seen of this.scopes.values()) if (!largest || seen.size > largest.size) largest = seen;
			if (!largest) return;
			this.removeOldest(largest);
		}
	}
}
