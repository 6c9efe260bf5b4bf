import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { smsHandoverApiTest } from './credentialTest';

export class SmsHandover implements INodeType {
	description: INodeTypeDescription = versionDescription;

	methods = { credentialTest: { smsHandoverApiTest } };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
