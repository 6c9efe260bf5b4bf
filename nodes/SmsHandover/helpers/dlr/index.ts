/** The one place that knows the panel's request and report shapes: pushes to the trigger and to Send and Wait's resume URL, inbound SMS, and getDLR answers (Delivery Report → Get, the poll). */
export { canonicalKey, FIELD_ALIASES, WRAPPER_KEYS } from './aliases';
export { extractReportRecords, parseJsonText, parseSmppReceipt } from './records';
export { normaliseReport } from './normalise';
export { makeReport } from './report';
export {
	MAX_RAW_BODY_BYTES,
	MAX_REPORTS_PER_REQUEST,
	parseDlrRequest,
	parsePanelRequest,
	TOKEN_QUERY_PARAMETER,
	type DlrRequest,
	type DlrRequestResult,
	type PanelRequestResult,
} from './request';
export { inboundKey, type InboundSms } from './inbound';
export { mapStatus, normaliseStatus } from './status';
export { STATUS_CODES, STATUS_WORDS } from './statusMap';
export { parseReportTime, type ReportTimeOptions } from './time';
export {
	DELIVERY_STATUSES,
	type DeliveryReport,
	type DeliveryStatus,
	type NormaliseOptions,
} from './types';
