import { createHash, timingSafeEqual } from 'crypto';

import { TOKEN_QUERY_PARAMETER } from '../helpers/dlr';

/** Header a panel or proxy can use instead of the `token` query parameter. */
export const TOKEN_HEADER = 'x-smshandover-token';

// Comparing fixed-length digests keeps the comparison constant-time whatever the lengths.
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

function firstString(value: unknown): string | null {
	if (Array.isArray(value)) return firstString(value[0]);
	return typeof value === 'string' ? value : null;
}

/** Whether the request carries the secret as `?token=` or the X-SMSHandover-Token header. */
export function carriesToken(
	secret: string,
	query: Record<string, unknown> | undefined,
	headers: Record<string, unknown> | undefined,
): boolean {
	const expected = digest(secret);
	const presented = [firstString(query?.[TOKEN_QUERY_PARAMETER]), firstString(headers?.[TOKEN_HEADER])];
	let matched = false;
	for (const candidate of presented) {
		if (candidate !== null && timingSafeEqual(expected, digest(candidate))) matched = true;
	}
	return matched;
}
