import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { apiRequest, endpoints } from '../../transport';
import { requestOptions } from '../common.descriptions';
import { forOperation } from '../displayOptions';
import { itemParameter } from '../itemParameters';
import { unexpectedReply } from '../nodeError';
import { processItems } from '../processItems';
import { requestTimeout, toMobile, toRequiredText } from '../sms/smsInput';

export const description: INodeProperties[] = forOperation('otp', 'send', [
	{
		displayName: 'Channel ID',
		name: 'channelId',
		type: 'string',
		required: true,
		default: '',
		description: 'The OTP channel of your account to send the code through',
	},
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: '919876543210',
		description: 'Number to send the code to, with country code, e.g. 919876543210',
	},
	requestOptions,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const node = this.getNode();
	const channelIds = itemParameter(this, 'channelId', items);
	const mobiles = itemParameter(this, 'mobile', items);
	return await processItems(this, items, {
		concurrency: 5,
		submitsMessages: true,
		prepare: (itemIndex) => ({
			channelId: toRequiredText(node, channelIds(itemIndex), itemIndex, 'channelId'),
			mobile: toMobile(node, mobiles(itemIndex), itemIndex),
			timeout: requestTimeout(this, itemIndex),
		}),
		perform: async ({ channelId, mobile, timeout }, itemIndex) => {
			const answer = (await apiRequest.call(this, {
				method: 'GET',
				endpoint: endpoints.otpSend,
				qs: { channel_id: channelId, mobile },
				timeout,
				itemIndex,
				submitsMessages: true,
			})) as IDataObject;
			if (!answer?.reference) {
				throw unexpectedReply(node, 'SMS Handover returned no OTP reference', answer, itemIndex);
			}
			return { ...answer, success: true, reference: String(answer.reference), mobile, channelId };
		},
	});
}
