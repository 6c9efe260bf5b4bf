import type { IDataObject } from 'n8n-workflow';

import { apiRequest, apiVersion, endpoints, type ApiContext } from '../../transport';
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
	if ((await apiVersion(context)) === 'v2') {
		const credits = await apiRequest(context, { method: 'GET', endpoint: endpoints.v2.credits, timeout, itemIndex, retry: 'read' });
		return creditItems(context, credits, itemIndex, errorPrefix);
	}
	const answer = await apiRequest(context, { method: 'GET', endpoint: endpoints.balance, timeout, itemIndex, retry: 'read' });
	const unexpected = (reason: string) => unexpectedReply(context.getNode(), `${errorPrefix}${reason}`, answer, itemIndex);
	const text = (answer as IDataObject | undefined)?.message;
	if (!Array.isArray(answer) && typeof text === 'string' && UNLIMITED.test(text)) {
		return [{ unlimited: true, balance: null, providerMessage: text }];
	}
	// An account billed from a wallet lists no route credits: a fact, not a failure.
	if (Array.isArray(answer) && answer.length === 0) return [noRouteCredits()];
	const routes = Array.isArray(answer) ? answer : [answer];
	return routes.map((route) => {
		const record = (route ?? {}) as IDataObject;
		const balance = Number.parseFloat(String(record.BALANCE ?? '').replace(/,/g, ''));
		if (!('BALANCE' in record) || Number.isNaN(balance)) throw unexpected('SMS Handover returned no balance');
		return { ...record, balance, unlimited: false };
	});
}

function noRouteCredits(wallet: IDataObject = {}): IDataObject {
	return {
		balance: null,
		unlimited: false,
		routes: 0,
		providerMessage: NO_ROUTE_CREDITS,
		note: 'Accounts billed from a wallet list no route credits; the panel shows their balance.',
		...wallet,
	};
}

/**
 * The JSON API's (v2) credits: one item per route (`route` is its name: v2 lists no route IDs),
 * each with the account's wallet and billing mode; a wallet-only item when no route is listed.
 */
function creditItems(context: ApiContext, answer: unknown, itemIndex: number, errorPrefix: string): IDataObject[] {
	const record = (answer ?? {}) as IDataObject;
	const wallet: IDataObject = {
		wallet: (record.wallet ?? null) as IDataObject | null,
		billingMode: record.billing_mode === undefined ? null : String(record.billing_mode),
	};
	// The panel's page prints `credits` only for accounts billed in credits: a wallet account has
	// none, or an empty value.
	const noCredits = record.credits === undefined || record.credits === null || (typeof record.credits === 'object' && Object.keys(record.credits).length === 0);
	if (noCredits && record.wallet !== undefined && record.wallet !== null) return [noRouteCredits(wallet)];
	if (!Array.isArray(record.credits)) {
		throw unexpectedReply(context.getNode(), `${errorPrefix}SMS Handover returned no credits`, answer, itemIndex);
	}
	if (record.credits.length === 0) return [noRouteCredits(wallet)];
	return (record.credits as IDataObject[]).map((entry) => {
		const credits = Number.parseFloat(String(entry?.credits ?? '').replace(/,/g, ''));
		if (Number.isNaN(credits)) throw unexpectedReply(context.getNode(), `${errorPrefix}SMS Handover returned a route without credits`, answer, itemIndex);
		return { route: String(entry.route ?? ''), credits, balance: credits, unlimited: false, ...wallet };
	});
}
