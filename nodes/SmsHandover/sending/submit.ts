import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { unexpectedReply } from '../actions/shared/errors';
import { apiRequest, endpoints } from '../transport';

export interface Submission {
	shootId: string;
	providerMessage: string;
	/** The panel found spam words and holds the campaign until its admin approves it: nothing has gone out yet. */
	heldForApproval: boolean;
	/** When the request left (Send and Wait keeps it as the message's send time). */
	sentAt: Date;
}

const HELD_FOR_APPROVAL = /HELD\s+FOR\s+APPROVAL/i;

/** The one POST to the send endpoint; a success must name its shoot id. Never retried once it may have arrived. */
export async function submitSms(
	context: IExecuteFunctions,
	form: IDataObject,
	itemIndex: number,
	timeout?: number,
): Promise<Submission> {
	const sentAt = new Date();
	const answer = (await apiRequest(context, {
		method: 'POST',
		endpoint: endpoints.send,
		form,
		timeout,
		itemIndex,
		retry: 'send',
	})) as IDataObject;
	const shootId = answer?.sms_shoot_id ?? answer?.shoot_id ?? answer?.shootid;
	if (shootId === undefined || shootId === null || shootId === '') {
		throw unexpectedReply(
			context.getNode(),
			'SMS Handover accepted the request but returned no shoot id',
			answer,
			itemIndex,
			'The messages may have been submitted: check the panel before sending again.',
		);
	}
	const providerMessage = String(answer.message ?? 'SMS SUBMITTED SUCCESSFULLY');
	return { shootId: String(shootId), providerMessage, heldForApproval: HELD_FOR_APPROVAL.test(providerMessage), sentAt };
}
