'use strict';
// One workflow per operation of the SMS Handover node (Manual Trigger → [items] → node),
// run with `n8n execute`. Ids are fixed; names say what each proves.
const { actionNode, itemsNode, httpGetNode, manualWorkflow } = require('../lib/workflows');

const SENDER = 'SMSHND';
const MOBILE_A = '919876543210';
const MOBILE_B = '919812345678';

/** A schedule time about 400 days ahead, on a whole minute, as ISO UTC. */
function futureScheduleIso(now = Date.now()) {
	const d = new Date(now + 400 * 24 * 3600 * 1000);
	d.setUTCSeconds(0, 0);
	d.setUTCHours(3, 35); // 09:05 in Asia/Kolkata (+05:30)
	return d.toISOString();
}

/** The provider's `YYYY-MM-DD HH:MM` of an ISO instant in Asia/Kolkata (fixed +05:30). */
function kolkataProviderTime(iso) {
	const d = new Date(Date.parse(iso) + 330 * 60000);
	const p = (n) => String(n).padStart(2, '0');
	return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

function actionWorkflows(cred, { simBaseUrl, scheduleAt = futureScheduleIso() } = {}) {
	const wf = {};
	wf.send = manualWorkflow('e2eSmsSend000001', 'e2e sms send', [
		actionNode(
			'SMS Handover',
			{
				resource: 'sms',
				operation: 'send',
				senderId: SENDER,
				contacts: `+91 98765 43210; ${MOBILE_B}, 0091-9876543210`,
				message: 'Hello from the n8n e2e suite',
				options: { campaign: '7', routeId: '1' },
			},
			cred,
		),
	]);
	wf.schedule = manualWorkflow('e2eSmsSchedule01', 'e2e sms schedule', [
		actionNode(
			'SMS Handover',
			{
				resource: 'sms',
				operation: 'schedule',
				senderId: SENDER,
				contacts: MOBILE_A,
				message: 'Scheduled hello',
				scheduleAt,
				options: {},
			},
			cred,
		),
	]);
	wf.sendBulk = manualWorkflow('e2eSmsSendBulk01', 'e2e sms sendBulk', [
		itemsNode('Recipients', [
			{ mobile: MOBILE_A, name: 'Asha' },
			{ mobile: MOBILE_B, name: 'Ravi' },
			{ mobile: 919900112233, name: 'Meera' },
		]),
		actionNode(
			'SMS Handover',
			{
				resource: 'sms',
				operation: 'sendBulk',
				senderId: SENDER,
				mobile: '={{ $json.mobile }}',
				message: '=Hi {{ $json.name }}, your order has shipped',
				options: { routeId: '2' },
			},
			cred,
		),
	]);
	wf.deliveryReport = manualWorkflow('e2eDlrGet0000001', 'e2e deliveryReport get', [
		actionNode('Send', { resource: 'sms', operation: 'send', senderId: SENDER, contacts: `${MOBILE_A},${MOBILE_B}`, message: 'Report me', options: {} }, cred),
		actionNode('Get Report', { resource: 'deliveryReport', operation: 'get', shootId: '={{ $json.shootId }}' }, cred),
	]);
	wf.balance = manualWorkflow('e2eBalance000001', 'e2e account getBalance', [
		actionNode('SMS Handover', { resource: 'account', operation: 'getBalance' }, cred),
	]);
	// OTP send, read the code the simulator "sent" (test-only route), verify a wrong and the right code.
	wf.otp = manualWorkflow('e2eOtpSendVerify', 'e2e otp send + verify', [
		actionNode('OTP Send', { resource: 'otp', operation: 'send', channelId: '3', mobile: `+${MOBILE_A}` }, cred),
		httpGetNode('Read Code', `=${simBaseUrl}/__sim/otp/{{ $json.reference }}`),
		actionNode(
			'Verify Wrong',
			{
				resource: 'otp',
				operation: 'verify',
				reference: "={{ $('OTP Send').item.json.reference }}",
				otp: "={{ $('Read Code').item.json.otp === '000000' ? '111111' : '000000' }}",
			},
			cred,
		),
		actionNode(
			'Verify Right',
			{
				resource: 'otp',
				operation: 'verify',
				reference: "={{ $('OTP Send').item.json.reference }}",
				otp: "={{ $('Read Code').item.json.otp }}",
			},
			cred,
		),
	]);
	// The first item: the provider refuses (simulator told to answer ERR text); the second: invalid number,
	// refused before any request. continueOnFail ("On Error: Continue") keeps both as items.
	wf.errors = manualWorkflow('e2eErrorContinue', 'e2e errors with continueOnFail', [
		itemsNode('Items', [{ to: MOBILE_A }, { to: '12ab' }]),
		actionNode(
			'SMS Handover',
			{ resource: 'sms', operation: 'send', senderId: SENDER, contacts: '={{ $json.to }}', message: 'Will fail', options: {} },
			cred,
			{ onError: 'continueRegularOutput' },
		),
	]);
	return wf;
}

module.exports = { actionWorkflows, futureScheduleIso, kolkataProviderTime, SENDER, MOBILE_A, MOBILE_B };
