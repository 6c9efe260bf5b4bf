import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as account from './account/Account.resource';
import * as deliveryReport from './deliveryReport/DeliveryReport.resource';
import type { SmsHandoverType } from './node.type';
import * as otp from './otp/Otp.resource';
import * as sms from './sms/Sms.resource';

type Execute = (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;

const operations: Record<string, Record<string, { execute: Execute }>> = {
	sms: { send: sms.send, schedule: sms.schedule, sendBulk: sms.sendBulk, sendAndWaitForDelivery: sms.sendAndWaitForDelivery },
	deliveryReport: { get: deliveryReport.get },
	account: { getBalance: account.getBalance },
	otp: { send: otp.send, verify: otp.verify },
};

/** Every operation takes all input items and returns outputs paired with them. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as SmsHandoverType['resource'];
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return [await handler.execute.call(this, items)];
}
