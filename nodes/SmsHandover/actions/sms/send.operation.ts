import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { messageField, senderIdField, sendOptions } from '../common.descriptions';
import { forOperation } from '../displayOptions';
import { sendMessages } from './sendMessages';

export const contactsField: INodeProperties = {
	displayName: 'Contacts',
	name: 'contacts',
	type: 'string',
	required: true,
	default: '',
	placeholder: '919876543210, 919812345678',
	description:
		'Phone numbers with country code, separated by commas, spaces, semicolons or new lines, or an array from an expression. Duplicates are sent once.',
};

export const description: INodeProperties[] = forOperation('sms', 'send', [
	senderIdField,
	contactsField,
	messageField,
	sendOptions,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await sendMessages.call(this, items, false);
}
