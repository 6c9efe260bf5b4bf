import { isPlainObject } from './fields';
import { fromAliases } from './genericRecord';
import { fromNestedDlr } from './nestedDlr';
import { fromNtapiPush } from './ntapiPush';
import { fromPanelDlrRow } from './panelDlrRow';
import { fromPanelPush } from './panelPush';
import type { DeliveryReport, NormaliseOptions } from './types';

/**
 * One report record in the common shape: the panel's own shapes first (native push, nested report,
 * ntapi push, getDLR row), any other shape by field aliases. Null when the record names neither a shoot id
 * nor a number: whatever else it says, it identifies no message, so it is not a delivery report.
 */
export function normaliseReport(
	record: Record<string, unknown>,
	options: NormaliseOptions = {},
): DeliveryReport | null {
	if (!isPlainObject(record)) return null;
	const report =
		fromPanelPush(record, options) ??
		fromNestedDlr(record, options) ??
		fromNtapiPush(record) ??
		fromPanelDlrRow(record) ??
		fromAliases(record, options);
	return report.shootId !== null || report.mobile !== null ? report : null;
}
