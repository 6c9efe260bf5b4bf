import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	sms: 'send' | 'schedule' | 'sendBulk' | 'sendAndWaitForDelivery';
	deliveryReport: 'get';
	account: 'getBalance';
	otp: 'send' | 'verify';
};

export type SmsHandoverType = AllEntities<NodeMap>;
