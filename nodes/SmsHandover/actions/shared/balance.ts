import type { IDataObject } from 'n8n-workflow';

import { apiRequest, endpoints, type ApiContext } from '../../transport';
import { unexpectedReply } from './errors';

/** What an account without route credits (billed from a wallet) reads as. */
export const NO_ROUTE_CREDITS = 'SMS Handover lists no route credits for this account';

// The panel's answer to its admin key (user 1), which has no routes and no limit.
const UNLIMITED = /^INFO\b.*UNLIMITED/i;

/**
 * The account's balance (Account → Get Balance, and the Balance Guard): one item per route, or one
 * `unlimited` item for an admin key. A read: retried where that is safe.
 */
export async function readBalance(
	context: ApiContext,
	timeout: number | undefined,
	itemIndex: number,
	errorPrefix = '',
): Promise<IDataObject[]> {
	const answer = await apiRequest(context, { method: 'GET', endpoint: endpoints.balance, timeout, itemIndex, retry: 'read' });
	const unexpected = (reason: string) => unexpectedReply(context.getNode(), `${errorPrefix}${reason}`, answer, itemIndex);
	const text = (answer as IDataObject | undefined)?.message;
	if (!Array.isArray(answer) && typeof text === 'string' && UNLIMITED.test(text)) {
		return [{ unlimited: true, balance: null, providerMessage: text }];
	}
	if (Array.isArray(answer) && answer.length === 0) {
		// An account billed from a wallet lists no route credits: a fact, not a failure.
		return [
			{
				balance: null,
				unlimited: false,
				routes: 0,
				providerMessage: NO_ROUTE_CREDITS,
				note: 'Accounts billed from a wallet list no route credits; the panel shows their balance.',
			},
		];
	}
	const routes = Array.isArray(answer) ? answer : [answer];
	return routes.map((route) => {
		const record = (route ?? {}) as IDataObject;
		const balance = Number.parseFloat(String(record.BALANCE ?? '').replace(/,/g, ''));
		if (!('BALANCE' in record) || Number.isNaN(balance)) throw unexpected('SMS Handover returned no balance');
		return { ...record, balance, unlimited: false };
	});
}
