import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { NO_ROUTE_CREDITS, readBalance } from '../actions/shared/balance';
import type { RunOptions } from '../actions/shared/options';
import type { Message } from './messages';

/** The guard's verdict for one route. */
export interface RouteBalance {
	routeId: string | null;
	routeName: string | null;
	/** Credits on the route; null for an admin key's unlimited balance. */
	balance: number | null;
	creditsNeeded: number;
	balanceOk: boolean;
}

/** Verdicts by Route ID option (undefined: the account's only route). */
export type Verdicts = Map<string | undefined, RouteBalance>;

/** What a message costs: parts × recipients × Credits Per Segment. */
export const creditsFor = (message: Message, run: RunOptions) =>
	message.analysis.segments * message.recipients.length * run.creditsPerSegment;

const format = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 4 });
// Classic balances name each route's ID and name; the JSON API's (v2) credits only its name.
const routeIdOf = (route: IDataObject) => (route.ROUTE_ID === undefined ? null : String(route.ROUTE_ID));
const routeNameOf = (route: IDataObject) => {
	const name = route.ROUTE ?? route.route;
	return name === undefined || name === null ? null : String(name);
};
const describeRoute = (route: IDataObject) =>
	routeIdOf(route) === null ? `"${routeNameOf(route) ?? 'unnamed'}"` : `${routeIdOf(route)} (${routeNameOf(route) ?? 'unnamed'})`;

/**
 * The route a Route ID option names, or an error when the guard cannot tell which route it is.
 * Without route IDs (JSON API) a route is found only when it is the only one, or named as the
 * Route ID option.
 */
function routeFor(context: IExecuteFunctions, routes: IDataObject[], routeId: string | undefined): IDataObject {
	const route =
		routeId === undefined
			? routes.length === 1
				? routes[0]
				: undefined
			: (routes.find((r) => routeIdOf(r) === routeId) ?? routes.find((r) => routeIdOf(r) === null && routeNameOf(r) === routeId));
	if (route) return route;
	const known = routes.map(describeRoute).join(', ');
	const namesOnly = routes.every((r) => routeIdOf(r) === null);
	throw new NodeOperationError(
		context.getNode(),
		routeId === undefined
			? `Balance Guard needs a Route ID: the account has ${routes.length} routes (${known})`
			: `Balance Guard: route "${routeId}" is not one of the account's routes (${known})`,
		{
			description: namesOnly
				? "The JSON API (v2) lists credits by route name only, so the guard cannot tell which is route " +
					`${routeId ?? '(none set)'}. Nothing was sent. Turn Balance Guard off, or send on the account's only route.`
				: 'Set Options → Route ID to the route the messages go out on. Nothing was sent.',
		},
	);
}

function shortfall(context: IExecuteFunctions, verdict: RouteBalance): NodeOperationError {
	const { routeId, routeName } = verdict;
	const route = routeId === null ? `"${routeName ?? 'unnamed'}"` : routeName ? `${routeId} (${routeName})` : routeId;
	return new NodeOperationError(
		context.getNode(),
		`Balance Guard: these messages need ${format(verdict.creditsNeeded)} credits on route ${route}, which has ${format(verdict.balance ?? 0)}`,
		{ description: 'Nothing was sent. Top up the route, send fewer or shorter messages, or check Credits Per Segment.' },
	);
}

/**
 * The Balance Guard: reads the balance once and sets it against what the run's messages need on
 * each route. Refuses (throws) when a route cannot pay, unless this is a dry run, which shows the
 * verdicts instead. Refuses too when a route cannot be told: it cannot vouch for an unknown route.
 */
export async function guardBalance(context: IExecuteFunctions, messages: Message[], run: RunOptions): Promise<Verdicts> {
	if (messages.some((message) => !message.priced)) {
		throw new NodeOperationError(context.getNode(), 'Balance Guard cannot price template messages: the panel composes their text', {
			description: 'Nothing was sent. Turn Options → Balance Guard off when sending a Template ID, or send the text as Message.',
		});
	}
	const needs = new Map<string | undefined, number>();
	for (const message of messages) {
		const routeId = message.options.routeId;
		needs.set(routeId, (needs.get(routeId) ?? 0) + creditsFor(message, run));
	}
	const routes = await readBalance(context, messages[0].options.timeout, 0, 'Balance Guard: ');
	if (routes[0].routes === 0) {
		throw new NodeOperationError(context.getNode(), `Balance Guard: ${NO_ROUTE_CREDITS} (an account billed from a wallet lists none), so it cannot check the balance`, {
			description: 'Nothing was sent. Turn Options → Balance Guard off for this account, and check its balance in the panel.',
		});
	}
	const verdicts: Verdicts = new Map();
	for (const [routeId, creditsNeeded] of needs) {
		if (routes[0].unlimited === true) {
			verdicts.set(routeId, { routeId: routeId ?? null, routeName: null, balance: null, creditsNeeded, balanceOk: true });
			continue;
		}
		const route = routeFor(context, routes, routeId);
		const balance = route.balance as number;
		verdicts.set(routeId, {
			routeId: routeIdOf(route) ?? routeId ?? null,
			routeName: routeNameOf(route),
			balance,
			creditsNeeded,
			// Float sums of fractional credit prices: a hair over is still enough.
			balanceOk: creditsNeeded <= balance + 1e-9,
		});
	}
	const short = [...verdicts.values()].find((verdict) => !verdict.balanceOk);
	if (short && !run.dryRun) throw shortfall(context, short);
	return verdicts;
}

/** What a dry run shows of the guard on a message. */
export function guardFields(verdict: RouteBalance | undefined): IDataObject {
	if (!verdict) return {};
	return { creditsNeeded: verdict.creditsNeeded, balance: verdict.balance, balanceOk: verdict.balanceOk };
}
