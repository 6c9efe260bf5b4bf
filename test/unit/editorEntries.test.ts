// What n8n's editor makes of our descriptions, by its own rules (n8n-editor-ui, the same in 1.123
// and 2.41: useActionsGeneration's triggersCategory and generateMergedNodesAndActions). The e2e
// browser check sees the result in real n8n 2.41.
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { SmsHandoverApi } from '../../credentials/SmsHandoverApi.credentials';
import timeZones from '../../credentials/timeZones.json';
import { SmsHandover } from '../../nodes/SmsHandover/SmsHandover.node';
import { SmsHandoverTrigger } from '../../nodes/SmsHandover/SmsHandoverTrigger.node';
import { TestNodeTypes } from '../harness/engine';
import { isValidTimeZone } from '../../nodes/SmsHandover/helpers/zoneTime';

const trigger = new SmsHandoverTrigger().description;
const action = new SmsHandover().description;

/** The node list's trigger entries: from the first parameter shown as "Event", "Events" or "Trigger On". */
function triggerEntries(description: INodeTypeDescription) {
	const property = description.properties.find((p) => ['event', 'events', 'trigger on'].includes(p.displayName.toLowerCase()));
	const options = (property?.options ?? []) as INodePropertyOptions[];
	return options.map((option) => ({
		displayName: option.action ?? `On ${option.name.toLowerCase()}`,
		values: { [property!.name]: property!.type === 'multiOptions' ? [option.value] : option.value },
	}));
}

function property(description: INodeTypeDescription, name: string): INodeProperties {
	return description.properties.find((p) => p.name === name)!;
}

describe('the node list', () => {
	it('offers the trigger as "any delivery report" and "inbound SMS", not one entry per status', () => {
		expect(triggerEntries(trigger)).toEqual([
			{ displayName: 'On delivery report (any status)', values: { triggerOn: ['deliveryReport'] } },
			{ displayName: 'On inbound SMS', values: { triggerOn: ['inboundSms'] } },
		]);
		// Picking the first gives Events' default: every report.
		expect(property(trigger, 'events').default).toEqual(['all']);
	});

	it('describes the package as sending too (n8n shows the trigger\'s description for the merged entry)', () => {
		expect(trigger.description).toBe('Send SMS and OTPs with SMS Handover, and start workflows on its delivery reports and inbound SMS');
		expect(action.name).toBe(trigger.name.replace('Trigger', ''));
	});

	it('lists All Reports first among Events, and says what a status choice does', () => {
		const events = property(trigger, 'events');
		expect((events.options as INodePropertyOptions[]).map((o) => o.name)).toEqual([
			'All Reports',
			'Delivered',
			'Expired',
			'Failed',
			'Pending',
			'Rejected',
			'Unknown',
		]);
		expect(events.description).toMatch(/only the statuses picked here/);
	});
});

describe('the trigger\'s subtitle', () => {
	const subtitleOf = (parameters: Record<string, unknown>) => {
		const node = { id: '1', name: 'T', type: 'smsHandoverTrigger', typeVersion: 4, position: [0, 0] as [number, number], parameters: parameters as never };
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: new TestNodeTypes({ smsHandoverTrigger: new SmsHandoverTrigger() as never }),
		});
		return workflow.expression.getSimpleParameterValue(node, trigger.subtitle as string, 'internal', {});
	};

	it.each([
		[{ triggerOn: ['deliveryReport'], events: ['all'] }, 'All reports'],
		[{ triggerOn: ['deliveryReport'], events: [] }, 'All reports'],
		[{ triggerOn: ['deliveryReport'], events: ['delivered', 'failed'] }, 'Reports: delivered, failed'],
		[{ triggerOn: ['deliveryReport'], events: ['all', 'failed'] }, 'All reports'],
		[{ triggerOn: ['deliveryReport', 'inboundSms'], events: ['all'] }, 'All reports + inbound SMS'],
		[{ triggerOn: ['inboundSms'], events: ['all'] }, 'Inbound SMS'],
		// Nothing under Trigger On means delivery reports (Events is hidden then, so it filters nothing).
		[{ triggerOn: [] }, 'All reports'],
	])('%j reads "%s"', (parameters, expected) => {
		expect(subtitleOf(parameters)).toBe(expected);
	});
});

describe('the credential\'s Account Time Zone', () => {
	const field = new SmsHandoverApi().properties.find((p) => p.name === 'timeZone')!;
	const values = (field.options as INodePropertyOptions[]).map((o) => o.value);

	it('is a list of every tzdata name n8n knows, with the default, UTC and the old Indian name, then Other', () => {
		expect(field.type).toBe('options');
		expect(field.default).toBe('Asia/Kolkata');
		expect(values).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Asia/Calcutta', 'UTC', 'Europe/London', 'America/New_York']));
		expect(values[values.length - 1]).toBe('other');
		const zones = values.slice(0, -1) as string[];
		expect(zones).toEqual(timeZones.zones);
		expect(zones.length).toBeGreaterThan(550);
		expect([...zones].sort()).toEqual(zones);
		expect(new Set(zones).size).toBe(zones.length);
		expect(zones.filter((zone) => !isValidTimeZone(zone))).toEqual([]);
	});

	it('shows a text field only for Other', () => {
		const other = new SmsHandoverApi().properties.find((p) => p.name === 'timeZoneOther')!;
		expect(other.displayOptions).toEqual({ show: { timeZone: ['other'] } });
	});
});

describe('fields that explain themselves', () => {
	it('names the bulk spellings in plain words, the parameter in the description', () => {
		const field = new SmsHandoverApi().properties.find((p) => p.name === 'bulkParameterName')!;
		expect((field.options as INodePropertyOptions[]).map((o) => [o.name, o.value])).toEqual([
			['As in the API Documentation', 'bulk_campaigm'],
			['Corrected Spelling', 'bulk_campaign'],
		]);
		for (const option of field.options as INodePropertyOptions[]) expect(option.description).toContain(`"${String(option.value)}"`);
	});

	it('shows an example OTP Channel ID and where the panel shows it', () => {
		const channel = action.properties.find((p) => p.name === 'channelId')!;
		expect(channel.placeholder).toBe('e.g. 27');
		expect(channel.description).toContain('OTP Channels');
		expect(channel.description).toContain('/editOtpChannel/27 is channel 27');
	});
});
