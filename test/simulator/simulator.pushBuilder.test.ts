// The one builder of the panel's push bodies (panelPush.js), written out once here: every other test
// that needs a push, and the simulator itself, build it with nativePush / batchPush / ntapiPush.
import { batchPush, nativePush, ntapiPush } from './index';

const SENT = 'Mon Nov 30 2026 10:20:31 GMT+0530 (India Standard Time)';
const DELIVERED = 'Mon Nov 30 2026 10:20:36 GMT+0530 (India Standard Time)';
const ID = '1ef4d949-7639-6880-bf73-ae79481385ed';
const part = (messageId: string) => ({ message_id: messageId, mobile: 919812345678, dlr: 'DELIVERED', operator_reply: 'DELIVRD', sms_delivery_time: DELIVERED });

describe('nativePush', () => {
	it('is one recipient as apiCalls builds it, in the panel\'s key order', () => {
		const body = nativePush();
		expect(body).toEqual({
			sms_shoot_id: 'smshnd_k2j4h5g6',
			mobile: 919812345678,
			sms_sent_time: SENT,
			sender_id: 'SMSHND',
			credits_charged: 1,
			dlr: [part(ID)],
			post_attempt: 1,
			route_data: { id: 1, title: 'Transactional' },
		});
		expect(Object.keys(body)).toEqual(['sms_shoot_id', 'mobile', 'sms_sent_time', 'sender_id', 'credits_charged', 'dlr', 'post_attempt', 'route_data']);
		expect(Object.keys(body.dlr[0])).toEqual(['message_id', 'mobile', 'dlr', 'operator_reply', 'sms_delivery_time']);
	});

	it('charges n credits for an n-part SMS and lists n + 1 parts: <id>, <id>_2 … <id>_<n+1>', () => {
		expect(nativePush({ segments: 2, messageId: 'M' })).toMatchObject({ credits_charged: 2, dlr: [part('M'), part('M_2'), part('M_3')] });
		expect(nativePush({ segments: 3, messageId: 'M' }).dlr.map((p) => p.message_id)).toEqual(['M', 'M_2', 'M_3', 'M_4']);
	});

	it('gives every part the recipient\'s number, word, reply and time unless a part says otherwise', () => {
		const body = nativePush({
			mobile: '919800000001',
			segments: 2,
			messageId: 'M',
			dlr: 'FAILED',
			reply: 'UNDELIV',
			deliveryTime: '2026-11-30 10:20:36',
			parts: [{}, { dlr: 'DELIVERED', reply: 'DELIVRD' }, { messageId: 'X', mobile: undefined }],
		});
		expect(body.dlr).toEqual([
			{ message_id: 'M', mobile: '919800000001', dlr: 'FAILED', operator_reply: 'UNDELIV', sms_delivery_time: '2026-11-30 10:20:36' },
			{ message_id: 'M_2', mobile: '919800000001', dlr: 'DELIVERED', operator_reply: 'DELIVRD', sms_delivery_time: '2026-11-30 10:20:36' },
			{ message_id: 'X', dlr: 'FAILED', operator_reply: 'UNDELIV', sms_delivery_time: '2026-11-30 10:20:36' },
		]);
		expect(body.credits_charged).toBe(2);
		expect(nativePush({ parts: [] }).dlr).toEqual([]);
	});

	it('takes any value for the recipient fields, and leaves out those set to undefined', () => {
		const body = nativePush({ shootId: null, credits: '2', attempt: '3', route: { id: '7', title: null }, senderId: undefined, sentTime: undefined });
		expect(body).toEqual({ sms_shoot_id: null, mobile: 919812345678, credits_charged: '2', dlr: [part(ID)], post_attempt: '3', route_data: { id: '7', title: null } });
		expect(Object.keys(nativePush({ mobile: undefined }))).not.toContain('mobile');
		expect(nativePush({ mobile: undefined }).dlr[0]).not.toHaveProperty('mobile');
	});
});

it('batchPush is a JSON array of native objects, one per entry', () => {
	expect(batchPush([{ shootId: 'S1' }, { shootId: 'S2', segments: 2 }])).toEqual([nativePush({ shootId: 'S1' }), nativePush({ shootId: 'S2', segments: 2 })]);
	expect(batchPush([])).toEqual([]);
});

it('ntapiPush is {CMD, NTYPE, FROM, SMID, STATUS, DETAIL}', () => {
	expect(ntapiPush()).toEqual({ CMD: 'DLVRREP', NTYPE: 'REP', FROM: 919812345678, SMID: ID, STATUS: 'OK', DETAIL: 'DELIVRD' });
	expect(Object.keys(ntapiPush())).toEqual(['CMD', 'NTYPE', 'FROM', 'SMID', 'STATUS', 'DETAIL']);
	expect(ntapiPush({ mobile: '919876543210', messageId: 'x1', reply: 'UNDELIV', cmd: 'dlvrrep' })).toEqual({
		CMD: 'dlvrrep',
		NTYPE: 'REP',
		FROM: '919876543210',
		SMID: 'x1',
		STATUS: 'OK',
		DETAIL: 'UNDELIV',
	});
});
