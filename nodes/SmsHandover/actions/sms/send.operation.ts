import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { sendMessages } from '../../sending';
import { contactsField, messageField, senderIdField, sendOptions } from '../shared/descriptions';
import { forOperation } from '../shared/displayOptions';

export const description: INodeProperties[] = forOperation('sms', 'send', [
	senderIdField,
	contactsField,
	messageField,
	sendOptions,
]);

/** One text to the contacts of each item, now. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await sendMessages(this, items, { plan: 'contacts' });
}
