import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { unexpectedReply } from '../actions/shared/errors';
import { apiRequest, endpoints, type ApiVersion } from '../transport';
import { messageIdsOf, type MessageId } from './messageIds';

export interface Submission {
	shootId: string;
	providerMessage: string;
	/** The panel found spam words and holds the campaign until its admin approves it: nothing has gone out yet. */
	heldForApproval: boolean;
	/** When the request left (Send and Wait keeps it as the message's send time). */
	sentAt: Date;
	/** JSON API (v2): the panel's id of each message, in the order of the request's contacts. */
	messageIds?: MessageId[];
}

const HELD_FOR_APPROVAL = /HELD\s+FOR\s+APPROVAL/i;

/**
 * The one POST to the send endpoint, in the credential's API; a success must name its shoot id
 * (v2: its `batch_id`). Never retried once it may have arrived.
 */
export async function submitSms(
	context: IExecuteFunctions,
	api: ApiVersion,
	form: IDataObject,
	itemIndex: number,
	timeout?: number,
): Promise<Submission> {
	const sentAt = new Date();
	const answer = (await apiRequest(context, {
		method: 'POST',
		endpoint: api === 'v2' ? endpoints.v2.send : endpoints.send,
		...(api === 'v2' ? { json: form } : { form }),
		timeout,
		itemIndex,
		retry: 'send',
	})) as IDataObject;
	const shootId = api === 'v2' ? answer?.batch_id : (answer?.sms_shoot_id ?? answer?.shoot_id ?? answer?.shootid);
	// Only text or a number is an id ("[object Object]" would be none).
	if ((typeof shootId !== 'string' && typeof shootId !== 'number') || shootId === '') {
		throw unexpectedReply(
			context.getNode(),
			`SMS Handover accepted the request but returned no ${api === 'v2' ? 'batch_id' : 'shoot id'}`,
			answer,
			itemIndex,
			'The messages may have been submitted: check the panel before sending again.',
		);
	}
	const providerMessage = String(answer.message ?? 'SMS SUBMITTED SUCCESSFULLY');
	const submission: Submission = { shootId: String(shootId), providerMessage, heldForApproval: HELD_FOR_APPROVAL.test(providerMessage), sentAt };
	if (api === 'v2') submission.messageIds = messageIdsOf(answer.message_id);
	return submission;
}
