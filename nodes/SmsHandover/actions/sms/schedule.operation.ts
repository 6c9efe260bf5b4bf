import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { messageField, scheduleAtField, senderIdField, sendOptions } from '../common.descriptions';
import { forOperation } from '../displayOptions';
import { contactsField } from './send.operation';
import { sendMessages } from './sendMessages';

export const description: INodeProperties[] = forOperation('sms', 'schedule', [
	senderIdField,
	contactsField,
	messageField,
	scheduleAtField,
	sendOptions,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await sendMessages.call(this, items, true);
}
