import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { sendMessages } from '../../sending';
import { contactsField, messageField, scheduleAtField, senderIdField, sendOptions } from '../shared/descriptions';
import { forOperation } from '../shared/displayOptions';

export const description: INodeProperties[] = forOperation('sms', 'schedule', [
	senderIdField,
	contactsField,
	messageField,
	scheduleAtField,
	sendOptions,
]);

/** One text to the contacts of each item, at the item's time (the panel keeps it until then). */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await sendMessages(this, items, { plan: 'contacts', scheduled: true });
}
