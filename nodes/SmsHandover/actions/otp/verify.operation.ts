import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { apiRequest, endpoints } from '../../transport';
import { requestOptions } from '../common.descriptions';
import { forOperation } from '../displayOptions';
import { itemParameter } from '../itemParameters';
import { processItems } from '../processItems';
import { requestTimeout, toRequiredText } from '../sms/smsInput';

export const description: INodeProperties[] = forOperation('otp', 'verify', [
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.reference }}',
		description: 'The reference the OTP send returned',
	},
	{
		displayName: 'OTP',
		name: 'otp',
		type: 'string',
		required: true,
		default: '',
		description: 'The code the user entered',
	},
	requestOptions,
]);

/** A wrong or expired code is an answer, not a failure: it comes out as `verified: false`. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const node = this.getNode();
	const references = itemParameter(this, 'reference', items);
	const codes = itemParameter(this, 'otp', items);
	return await processItems(this, items, {
		concurrency: 5,
		prepare: (itemIndex) => ({
			reference: toRequiredText(node, references(itemIndex), itemIndex, 'reference'),
			otp: toRequiredText(node, codes(itemIndex), itemIndex, 'otp'),
			timeout: requestTimeout(this, itemIndex),
		}),
		perform: async ({ reference, otp, timeout }, itemIndex) => {
			const answer = (await apiRequest.call(this, {
				method: 'GET',
				endpoint: endpoints.otpVerify,
				qs: { reference, otp },
				timeout,
				itemIndex,
				retry: 'never', // every call counts as an attempt at the panel
			})) as IDataObject;
			const match = String(answer?.match ?? '').trim().toLowerCase();
			return { ...answer, reference, verified: match === 'true', expired: match === 'expired' };
		},
	});
}
