import type { IDataObject } from 'n8n-workflow';

// The panel's answer to its admin key (user 1), which has no routes and no limit.
const UNLIMITED = /^INFO\b.*UNLIMITED/i;

/** The balance answer as items: one per route, or one `unlimited` item for an admin key. */
export function balanceItems(answer: unknown, onUnexpected: (reason: string) => Error): IDataObject[] {
	const text = (answer as IDataObject | undefined)?.message;
	if (!Array.isArray(answer) && typeof text === 'string' && UNLIMITED.test(text)) {
		return [{ unlimited: true, balance: null, providerMessage: text }];
	}
	if (Array.isArray(answer) && answer.length === 0) {
		throw onUnexpected('SMS Handover lists no routes for this account, so it has no balance to send with');
	}
	const routes = Array.isArray(answer) ? answer : [answer];
	return routes.map((route) => {
		const record = (route ?? {}) as IDataObject;
		const balance = Number.parseFloat(String(record.BALANCE ?? '').replace(/,/g, ''));
		if (!('BALANCE' in record) || Number.isNaN(balance)) throw onUnexpected('SMS Handover returned no balance');
		return { ...record, balance, unlimited: false };
	});
}
