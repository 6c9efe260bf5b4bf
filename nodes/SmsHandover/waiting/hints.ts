/**
 * Execution hints: n8n shows them above the node's output in the editor (execute contexts only,
 * n8n 1.x and 2.x), where a warning in the server log would go unseen. Each is given once per run
 * of the node, however many items meet it.
 */
import type { IExecuteFunctions, NodeExecutionHint } from 'n8n-workflow';

const given = new WeakMap<IExecuteFunctions, Set<string>>();

export function hintOnce(context: IExecuteFunctions, kind: string, hint: NodeExecutionHint): void {
	// Contexts that cannot show hints (a test harness, an older host) just skip them.
	if (typeof context.addExecutionHints !== 'function') return;
	const kinds = given.get(context) ?? new Set<string>();
	if (kinds.has(kind)) return;
	kinds.add(kind);
	given.set(context, kinds);
	context.addExecutionHints(hint);
}
