import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** n8n shows only its own error types with item and node context: keep them, wrap anything else. */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** Adds a sentence to an error's description (what was already sent, for instance). */
export function withDescription<E extends NodeApiError | NodeOperationError>(error: E, sentence: string): E {
	error.description = [error.description, sentence].filter(Boolean).join(' ');
	return error;
}

/** The panel said "success" but left out what the operation needs (a shoot id, a reference...). */
export function unexpectedReply(node: INode, message: string, reply: unknown, itemIndex: number, hint = '') {
	return new NodeApiError(
		node,
		{ message },
		{ message, description: `Reply: ${JSON.stringify(reply)?.slice(0, 200)}.${hint ? ` ${hint}` : ''}`, itemIndex },
	);
}
