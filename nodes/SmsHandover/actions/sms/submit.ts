import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, endpoints } from '../../transport';
import { unexpectedReply } from '../nodeError';

export interface Submission {
	shootId: string;
	providerMessage: string;
	/** The panel found spam words and holds the campaign until its admin approves it: nothing has gone out yet. */
	heldForApproval: boolean;
}

const HELD_FOR_APPROVAL = /HELD\s+FOR\s+APPROVAL/i;

/** One POST to the send endpoint; a success must name its shoot id. */
export async function submitSms(
	this: IExecuteFunctions,
	form: IDataObject,
	itemIndex: number,
	timeout?: number,
): Promise<Submission> {
	const answer = (await apiRequest.call(this, {
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
			this.getNode(),
			'SMS Handover accepted the request but returned no shoot id',
			answer,
			itemIndex,
			'The messages may have been submitted: check the panel before sending again.',
		);
	}
	const providerMessage = String(answer.message ?? 'SMS SUBMITTED SUCCESSFULLY');
	return { shootId: String(shootId), providerMessage, heldForApproval: HELD_FOR_APPROVAL.test(providerMessage) };
}
