import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequest, endpoints } from '../../transport';
import { balanceItems } from '../account/balanceAnswer';
import { unexpectedReply } from '../nodeError';

/** Credits a run needs, per route option (undefined = the account's only route). */
export type CreditNeeds = Map<string | undefined, number>;

/** The guard's verdict for one route. */
export interface RouteBalance {
	routeId: string | null;
	routeName: string | null;
	/** Credits on the route; null for an admin key's unlimited balance. */
	balance: number | null;
	creditsNeeded: number;
	balanceOk: boolean;
}

export function addNeed(needs: CreditNeeds, routeId: string | undefined, credits: number): void {
	needs.set(routeId, (needs.get(routeId) ?? 0) + credits);
}

const format = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 4 });
const describeRoute = (route: IDataObject) => `${String(route.ROUTE_ID)} (${String(route.ROUTE ?? 'unnamed')})`;

/**
 * Reads the balance once and sets it against what the run needs on each route. Throws when a
 * route cannot be told (several routes and no Route ID, or an unknown one): the guard cannot
 * vouch for a route it does not know, so nothing is sent.
 */
export async function readBalances(
	this: IExecuteFunctions,
	needs: CreditNeeds,
	timeout: number | undefined,
): Promise<Map<string | undefined, RouteBalance>> {
	const node = this.getNode();
	const answer = await apiRequest.call(this, { method: 'GET', endpoint: endpoints.balance, timeout, itemIndex: 0, retry: 'read' });
	const routes = balanceItems(answer, (reason) => unexpectedReply(node, `Balance Guard: ${reason}`, answer, 0));
	const verdicts = new Map<string | undefined, RouteBalance>();
	for (const [routeId, creditsNeeded] of needs) {
		if (routes[0].unlimited === true) {
			verdicts.set(routeId, { routeId: routeId ?? null, routeName: null, balance: null, creditsNeeded, balanceOk: true });
			continue;
		}
		const route = routeId === undefined ? (routes.length === 1 ? routes[0] : undefined) : routes.find((r) => String(r.ROUTE_ID) === routeId);
		if (!route) {
			const known = routes.map(describeRoute).join(', ');
			throw new NodeOperationError(
				node,
				routeId === undefined
					? `Balance Guard needs a Route ID: the account has ${routes.length} routes (${known})`
					: `Balance Guard: route "${routeId}" is not one of the account's routes (${known})`,
				{ description: 'Set Options → Route ID to the route the messages go out on. Nothing was sent.' },
			);
		}
		const balance = route.balance as number;
		verdicts.set(routeId, {
			routeId: String(route.ROUTE_ID),
			routeName: route.ROUTE === undefined ? null : String(route.ROUTE),
			balance,
			creditsNeeded,
			// Float sums of fractional credit prices: a hair over is still enough.
			balanceOk: creditsNeeded <= balance + 1e-9,
		});
	}
	return verdicts;
}

/** The error for the first route that cannot pay, or null when every route can. */
export function shortfall(this: IExecuteFunctions, verdicts: Map<string | undefined, RouteBalance>): NodeOperationError | null {
	for (const verdict of verdicts.values()) {
		if (verdict.balanceOk) continue;
		const route = verdict.routeName ? `${verdict.routeId} (${verdict.routeName})` : String(verdict.routeId);
		return new NodeOperationError(
			this.getNode(),
			`Balance Guard: these messages need ${format(verdict.creditsNeeded)} credits on route ${route}, which has ${format(verdict.balance ?? 0)}`,
			{ description: 'Nothing was sent. Top up the route, send fewer or shorter messages, or check Credits Per Segment.' },
		);
	}
	return null;
}

/** What a dry run shows of the guard on each item. */
export function guardFields(verdict: RouteBalance | undefined): IDataObject {
	if (!verdict) return {};
	return { creditsNeeded: verdict.creditsNeeded, balance: verdict.balance, balanceOk: verdict.balanceOk };
}
