import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Bad input: the message names the item and the field, so the user finds it at once. */
export function inputError(node: INode, itemIndex: number, field: string, problem: string, description?: string) {
	return new NodeOperationError(node, `Item ${itemIndex}, field "${field}": ${problem}`, {
		itemIndex,
		description,
	});
}


/** A value as it can be quoted in an error (shortened). */
export function describeValue(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

