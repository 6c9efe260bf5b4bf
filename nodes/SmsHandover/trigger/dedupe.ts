import type { DeliveryReport } from '../helpers/dlr';

/** Upper bound on remembered reports across all triggers in this n8n process. */
export const MAX_REMEMBERED_REPORTS = 200_000;

/**
 * Identity of a report for deduplication: shoot id, number and status (the provider's text
 * too when the status is unknown, so two different unfamiliar statuses stay apart).
 * Null when the report names neither shoot id nor number: it cannot be told apart.
 */
export function dedupeKey(report: DeliveryReport): string | null {
	if (report.shootId === null && report.mobile === null) return null;
	const status =
		report.status === 'unknown' ? `unknown:${(report.providerStatus ?? '').toLowerCase()}` : report.status;
	const mobile = report.mobile === null ? '' : report.mobile.replace(/\D/g, '') || report.mobile;
	return [report.shootId ?? '', mobile, status].join('\u0001');
}

/**
 * Reports already seen, per trigger (scope), kept in memory for a time window.
 * Maps keep insertion order, which is time order, so expiry and eviction read from the front.
 */
export class SeenReports {
	private readonly scopes = new Map<string, Map<string, number>>();

	private count = 0;

	constructor(private readonly capacity = MAX_REMEMBERED_REPORTS) {}

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
		const seen = this.touchScope(scope);
		const cutoff = now - windowMs;
		this.expire(seen, cutoff);
		const kept: T[] = [];
		for (const item of items) {
			const key = keyOf(item);
			if (key !== null) {
				const seenAt = seen.get(key);
				if (seenAt !== undefined && seenAt > cutoff) continue;
				if (seenAt !== undefined) this.remove(seen, key);
				seen.set(key, now);
				this.count++;
			}
			kept.push(item);
		}
		this.evictOverCapacity();
		return kept;
	}

	clear(): void {
		this.scopes.clear();
		this.count = 0;
	}

	/** The scope's map, moved to the back so the least recently used scope is evicted first. */
	private touchScope(scope: string): Map<string, number> {
		const seen = this.scopes.get(scope) ?? new Map<string, number>();
		this.scopes.delete(scope);
		this.scopes.set(scope, seen);
		return seen;
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

	private evictOverCapacity(): void {
		for (const [scope, seen] of this.scopes) {
			if (this.count <= this.capacity) return;
			for (const key of seen.keys()) {
				if (this.count <= this.capacity) break;
				this.remove(seen, key);
			}
			if (seen.size === 0) this.scopes.delete(scope);
		}
	}
}
