import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { accountTimeZone } from '../accountSettings';
import { messageField, senderIdField, sendAndWaitOptions } from '../common.descriptions';
import { forOperation } from '../displayOptions';
import { inputError } from '../inputError';
import { asNodeError } from '../nodeError';
import { errorItem } from '../processItems';
import { timeoutReport } from './deliveryOutcome';
import { pollForDelivery } from './deliveryPoll';
import { resumeUrlFor, waitForReport } from './deliveryWait';
import { assertFirstAttempt } from './rerunGuard';
import { contactsField } from './send.operation';
import { guardBalances, previewJson, sendPreparer, submitToAll, type PreparedSend } from './sendMessages';
import { readRunOptions } from './smsOptions';

export const MAX_WAIT_MINUTES = 7 * 24 * 60;
type WaitMethod = 'push' | 'poll';

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
					"SMS Handover posts the report to this execution's resume URL; the execution waits without holding a worker. The panel must be able to reach n8n (WEBHOOK_URL).",
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

/** What is known of the message before any report: the timeout item starts from it. */
function sentFacts(input: PreparedSend, sentAt: Date): IDataObject {
	return { senderId: input.senderId, parts: input.analysis.segments, sentAt: sentAt.toISOString() };
}

async function sendAndWait(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData> {
	const node = this.getNode();
	if (items.length !== 1) {
		throw new NodeOperationError(node, `Send and Wait for Delivery handles one input item per execution; it received ${items.length}`, {
			description: 'Put a Loop Over Items node (batch size 1) before it, or call a sub-workflow per message. Nothing was sent.',
		});
	}
	// Everything is read and checked before anything is sent.
	const run = readRunOptions(node, this.getNodeParameter('options', 0, {}) as IDataObject);
	const input = sendPreparer.call(this, items)(0);
	if (input.contacts.length !== 1) {
		throw inputError(node, 0, 'contacts', `has ${input.contacts.length} numbers; Send and Wait for Delivery sends to exactly one`, 'Use Send for several numbers, or run one execution per number.');
	}
	const wait = readWait(this);
	const timeZone = wait.method === 'poll' ? await accountTimeZone.call(this) : undefined;
	const verdict = run.balanceGuard ? (await guardBalances.call(this, [input], run)).get(input.options.routeId) : undefined;
	if (run.dryRun) {
		return { json: { ...previewJson(input, run, verdict), waitMethod: wait.method, maxWaitMinutes: wait.minutes }, pairedItem: { item: 0 } };
	}
	const mobile = input.contacts[0];
	const waitUntil = new Date(Date.now() + wait.minutes * 60_000);
	await assertFirstAttempt.call(this);

	if (wait.method === 'push') {
		const resume = resumeUrlFor(this);
		const sentAt = new Date();
		const { shootIds, heldForApproval } = await submitToAll.call(this, { ...input, options: { ...input.options, dlrUrl: resume.url } }, 0);
		await waitForReport(this, timeoutReport(shootIds[0], mobile, sentFacts(input, sentAt)), resume.keyHash, waitUntil);
		// Shown while the execution waits; the report (or the timeout item) replaces it.
		return {
			json: { status: 'pending', shootId: shootIds[0], mobile, heldForApproval, waitUntil: waitUntil.toISOString() },
			pairedItem: { item: 0 },
		};
	}

	const sentAt = new Date();
	const { shootIds } = await submitToAll.call(this, { ...input, options: { ...input.options, dlrUrl: undefined } }, 0);
	const report = await pollForDelivery.call(this, {
		shootId: shootIds[0],
		mobile,
		deadline: waitUntil.getTime(),
		timeZone: timeZone as string,
		timeout: input.options.timeout,
		itemIndex: 0,
		known: sentFacts(input, sentAt),
	});
	return { json: report, pairedItem: { item: 0 } };
}

/** One SMS to one number, then wait (push: n8n's waiting webhook; poll: getDLR) for its final report. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	try {
		return [await sendAndWait.call(this, items)];
	} catch (error) {
		const failure = asNodeError(node, error, 0);
		if (!this.continueOnFail()) throw failure;
		return items.map((_, itemIndex) => errorItem(node, failure, itemIndex));
	}
}
