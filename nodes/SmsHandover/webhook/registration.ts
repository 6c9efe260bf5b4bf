import type { IHookFunctions } from 'n8n-workflow';

/**
 * SMS Handover has no API to register a callback URL: the user pastes the trigger's URL, and
 * Send and Wait hands its resume URL to the panel with each message. So there is nothing to
 * create, check or delete at the provider (both nodes use these n8n hooks).
 */
export const noWebhookRegistration = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
