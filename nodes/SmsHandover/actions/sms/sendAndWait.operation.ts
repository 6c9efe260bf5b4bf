import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sendMessages } from '../../sending';
import { awaitDelivery, prepareWait, type Wait, type WaitMethod } from '../../waiting';
import { contactsField, messageField, senderIdField, sendAndWaitOptions } from '../shared/descriptions';
import { forOperation } from '../shared/displayOptions';
import { inputError } from '../shared/errors';

export const MAX_WAIT_MINUTES = 7 * 24 * 60;

export const description: INodeProperties[] = forOperation('sms', 'sendAndWaitForDelivery', [
	{
		displayName:
			'Sends one SMS to one number, then pauses this execution until the message\'s final delivery report (delivered, failed, rejected or expired) and continues with it. When none comes in time it continues with <code>status: "timeout"</code>. Handles one input item per execution.',
		name: 'sendAndWaitNotice',
		type: 'notice',
		default: '',
	},
	senderIdField,
	{
		...contactsField,
		placeholder: '919876543210',
		description: 'The one phone number to send to, with country code',
	},
	messageField,
	{
		displayName: 'Wait Method',
		name: 'waitMethod',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Push',
				value: 'push',
				description:
					"SMS Handover posts the report to this execution's resume URL; the execution waits without holding a worker. The panel must be able to reach n8n (WEBHOOK_URL), and the account must have no Default DLR URL in the panel's settings: that one replaces every message's, so the wait would run to Max Wait.",
			},
			{
				name: 'Poll',
				value: 'poll',
				description:
					'The node asks SMS Handover for the report every few seconds, holding its worker until the report is final or the time is up. For panels that push nothing useful.',
			},
		],
		default: 'push',
	},
	{
		displayName: 'Max Wait (Minutes)',
		name: 'maxWaitMinutes',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_WAIT_MINUTES },
		default: 60,
		description: 'How long to wait for the final report before continuing with status "timeout"',
	},
	sendAndWaitOptions,
]);

function readWait(context: IExecuteFunctions): { method: WaitMethod; minutes: number } {
	const node = context.getNode();
	const method = context.getNodeParameter('waitMethod', 0, 'push') as WaitMethod;
	if (method !== 'push' && method !== 'poll') {
		throw inputError(node, 0, 'waitMethod', `"${String(method)}" is not push or poll`);
	}
	const minutes = Number(context.getNodeParameter('maxWaitMinutes', 0, 60));
	if (!Number.isFinite(minutes) || minutes < 1 || minutes > MAX_WAIT_MINUTES) {
		throw inputError(node, 0, 'maxWaitMinutes', `must be from 1 to ${MAX_WAIT_MINUTES} minutes (7 days)`);
	}
	return { method, minutes };
}

/** One SMS to one number, then wait (push: n8n's waiting webhook; poll: getDLR) for its final report. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	let wait: Wait;
	let settings: { method: WaitMethod; minutes: number };
	return await sendMessages(this, items, {
		plan: 'contacts',
		prepareRun: (run) => {
			if (items.length !== 1) {
				throw new NodeOperationError(node, `Send and Wait for Delivery handles one input item per execution; it received ${items.length}`, {
					description: 'Put a Loop Over Items node (batch size 1) before it, or call a sub-workflow per message. Nothing was sent.',
				});
			}
			settings = readWait(this);
			wait = prepareWait(this, settings.method, settings.minutes, run.options.dryRun);
		},
		completeMessage: (message) => {
			if (message.recipients.length !== 1) {
				throw inputError(
					node,
					0,
					'contacts',
					`has ${message.recipients.length} numbers; Send and Wait for Delivery sends to exactly one`,
					'Use Send for several numbers, or run one execution per number.',
				);
			}
			// The node sets the DLR URL itself: the resume URL (push), or none (poll).
			return { ...message, options: { ...message.options, dlrUrl: wait.resume?.url } };
		},
		previewFields: () => ({ waitMethod: settings.method, maxWaitMinutes: settings.minutes }),
		afterSend: async (message, submissions) => await awaitDelivery(this, wait, message, submissions),
	});
}
