/**
 * Reads what an SMS Handover panel answered. Panels of this family answer JSON, or plain text
 * (`ERR: ...`, `SMS-SHOOT-ID/<id>`), and report errors with HTTP 200 as often as with 4xx/5xx.
 */

export type ProviderAnswer =
	| { ok: true; data: unknown }
	| {
			ok: false;
			message: string;
			description?: string;
			httpCode?: string;
			/** An answer that could not be read (broken JSON, empty, a web page): it may hide a success. */
			unreadable?: true;
	  };

const ERR_TEXT = /^ERR\s*:?\s*/i;
const SHOOT_ID_TEXT = /^SMS-SHOOT-ID\s*\/\s*(\S+)/i;
const SNIPPET_LENGTH = 200;

export function snippet(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat;
}

/** `ERR: {INVALID API KEY}` → `INVALID API KEY` (the doc writes the braces literally). */
function errTextMessage(text: string): string {
	const message = text.replace(ERR_TEXT, '').trim().replace(/^\{(.*)\}$/s, '$1').trim();
	return message || 'Unspecified error';
}

function describeHttpStatus(status: number, retryAfter?: string): string {
	if (status === 429) {
		// Retry-After is delay-seconds or an HTTP-date: only the first takes a unit.
		const after = retryAfter?.trim();
		const wait = after ? `, retry after ${/^\d+$/.test(after) ? `${after} s` : after}` : '';
		return `SMS Handover is rate limiting requests (HTTP 429${wait})`;
	}
	if (status >= 500) return `SMS Handover is unavailable (HTTP ${status})`;
	return `SMS Handover refused the request (HTTP ${status})`;
}

/**
 * The error text of a JSON answer, or null when it is not an error. Shapes seen in the panel's
 * code: `{"result":"error","message":…}` (PHP API), `{"error":"Malformed Request"}` (its Node
 * API on a request it cannot read), `{"success":false,"status":403,"message":…}` (its v2 API,
 * echoed by the PHP API when a send fails there).
 */
function jsonErrorMessage(value: unknown): string | null {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
	const record = value as Record<string, unknown>;
	const text = (field: unknown) => (typeof field === 'string' && field.trim() ? field.trim() : null);
	const outcome = String(record.result ?? record.status ?? '').toLowerCase();
	// The v2 error shape's `status` is an HTTP status, which a panel may also send with HTTP 200.
	const statusCode = typeof record.status === 'number' || typeof record.status === 'string' ? Number(record.status) : NaN;
	const failed =
		outcome === 'error' ||
		outcome === 'failed' ||
		outcome === 'failure' ||
		(Number.isInteger(statusCode) && statusCode >= 400 && statusCode <= 599) ||
		record.success === false ||
		record.success === 'false' ||
		(record.result === undefined && record.error !== undefined && record.error !== null && record.error !== false);
	if (!failed) return null;
	return text(record.message) ?? text(record.msg) ?? text(record.error) ?? text(record.description) ?? 'Unspecified error';
}

export function interpretProviderAnswer(
	status: number,
	body: unknown,
	retryAfter?: string,
): ProviderAnswer {
	const httpFailed = status >= 400;
	const httpCode = httpFailed ? String(status) : undefined;

	if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) {
		const message = jsonErrorMessage(body);
		if (message) return { ok: false, message, httpCode };
		if (httpFailed) {
			// A body in no shape of the panel's (a web server's own error) still says what happened.
			const said = JSON.stringify(body);
			return { ok: false, message: describeHttpStatus(status, retryAfter), description: said && said !== '{}' ? `Reply: ${snippet(said)}` : undefined, httpCode };
		}
		return { ok: true, data: body };
	}

	const text = (Buffer.isBuffer(body) ? body.toString('utf8') : String(body ?? '')).trim();

	if (ERR_TEXT.test(text) && text.toUpperCase().startsWith('ERR')) {
		return { ok: false, message: errTextMessage(text), httpCode };
	}
	const shoot = SHOOT_ID_TEXT.exec(text);
	if (shoot && !httpFailed) {
		return { ok: true, data: { result: 'success', sms_shoot_id: shoot[1] } };
	}
	if (text.startsWith('{') || text.startsWith('[')) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			return {
				ok: false,
				message: httpFailed
					? describeHttpStatus(status, retryAfter)
					: 'SMS Handover sent a reply that is not valid JSON',
				description: `Reply: ${snippet(text)}`,
				httpCode,
				...(httpFailed ? {} : { unreadable: true as const }),
			};
		}
		return interpretProviderAnswer(status, parsed ?? {}, retryAfter);
	}
	if (httpFailed) {
		return {
			ok: false,
			message: describeHttpStatus(status, retryAfter),
			description: text ? `Reply: ${snippet(text)}` : undefined,
			httpCode,
		};
	}
	if (!text) return { ok: false, message: 'SMS Handover sent an empty reply', unreadable: true };
	if (text.startsWith('<')) {
		return {
			ok: false,
			message: 'SMS Handover answered with a web page instead of API data',
			description: `Check the Base URL of the credential. Reply: ${snippet(text)}`,
			unreadable: true,
		};
	}
	return { ok: true, data: { message: text } };
}
