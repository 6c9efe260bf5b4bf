import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { assertFirstAttempt } from '../../sending/rerunGuard';
import { apiRequest, apiVersion, endpoints } from '../../transport';
import { mobileField, requestOptions } from '../shared/descriptions';
import { forOperation } from '../shared/displayOptions';
import { inputError, unexpectedReply } from '../shared/errors';
import { toMobile, toRequiredText } from '../shared/input';
import { itemParameter } from '../shared/itemParameters';
import { readTimeout } from '../shared/options';
import { processItems } from '../shared/processItems';

export const description: INodeProperties[] = forOperation('otp', 'send', [
	{
		displayName: 'Channel ID',
		name: 'channelId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 27',
		description:
			"The number of the OTP channel to send the code through (its route, sender and message template). In your panel, open OTP Channels (under Components) and choose Actions → Edit Channel: the page's address ends in the Channel ID (…/editOtpChannel/27 is channel 27).",
	},
	{ ...mobileField, description: 'Number to send the code to, with country code, e.g. 919876543210' },
	requestOptions,
]);

// The panel's sendOtpApi refuses numbers shorter than this (strlen < 9), without saying why.
const OTP_MIN_DIGITS = 9;

function otpMobile(node: INode, raw: unknown, itemIndex: number): string {
	const mobile = toMobile(node, raw, itemIndex);
	if (mobile.length < OTP_MIN_DIGITS) {
		throw inputError(
			node,
			itemIndex,
			'mobile',
			`"${mobile}" has ${mobile.length} digits; SMS Handover's OTP service needs at least ${OTP_MIN_DIGITS}`,
			'Give the number with its country code, e.g. 919876543210.',
		);
	}
	return mobile;
}

/** A Channel ID: the panel's number for the channel (the JSON API sends it as a number). */
function toChannelId(node: INode, raw: unknown, itemIndex: number): string {
	const channelId = toRequiredText(node, raw, itemIndex, 'channelId');
	if (!/^\d+$/.test(channelId)) {
		throw inputError(node, itemIndex, 'channelId', `"${channelId}" is not a whole number`, 'Use the number at the end of the channel\'s Edit Channel address in your panel. No OTP was sent.');
	}
	return channelId;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const node = this.getNode();
	const channelIds = itemParameter(this, 'channelId', items);
	const mobiles = itemParameter(this, 'mobile', items);
	return await processItems(this, items, {
		concurrency: 5,
		submitsMessages: true,
		beforeSending: async () => await assertFirstAttempt(this),
		prepare: (itemIndex) => ({
			channelId: toChannelId(node, channelIds(itemIndex), itemIndex),
			mobile: otpMobile(node, mobiles(itemIndex), itemIndex),
			timeout: readTimeout(this, itemIndex),
		}),
		perform: async ({ channelId, mobile, timeout }, itemIndex) => {
			const v2 = (await apiVersion(this)) === 'v2';
			const answer = (await apiRequest(this, {
				...(v2
					? // JSON API (v2): `channel` as a number, as its OTP API page shows.
						{ method: 'POST' as const, endpoint: endpoints.v2.otpSend, json: { mobile, channel: Number(channelId) } }
					: { method: 'GET' as const, endpoint: endpoints.otpSend, qs: { channel_id: channelId, mobile } }),
				timeout,
				itemIndex,
				retry: 'send',
			})) as IDataObject;
			if (Array.isArray(answer)) {
				// The panel answers `[]` when it refuses a request its answer helper has no text for.
				throw unexpectedReply(
					node,
					`SMS Handover refused the OTP request without a reason: most likely channel ID "${channelId}" is not an OTP channel of this account`,
					answer,
					itemIndex,
					'The panel gives this answer for an unknown channel and for a number it does not accept (not numeric, or under 9 digits). No OTP was sent.',
				);
			}
			if (!answer?.reference) {
				throw unexpectedReply(node, 'SMS Handover returned no OTP reference', answer, itemIndex);
			}
			return { ...answer, success: true, reference: String(answer.reference), mobile, channelId };
		},
	});
}
