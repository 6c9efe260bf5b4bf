'use strict';
// Reads n8n run data (IRunExecutionData) the same way whether it came from
// `n8n execute --rawOutput` (an IRun with .data) or from the database (IRunExecutionData).

function resultDataOf(run) {
	if (!run) return null;
	if (run.resultData) return run.resultData;
	if (run.data && run.data.resultData) return run.data.resultData;
	return null;
}

/**
 * Per node: { items: json[] of output 0, outputs: json[][] (every output), executionTime,
 * error (message or null), runs (how many times the node ran), hints (execution hints the node
 * gave: [{ type, message, location }]) } — of the node's last run.
 */
function nodeResults(run) {
	const resultData = resultDataOf(run);
	const out = {};
	if (!resultData || !resultData.runData) return out;
	for (const [name, runs] of Object.entries(resultData.runData)) {
		const last = runs[runs.length - 1] || {};
		const main = (last.data && last.data.main) || [];
		const outputs = main.map((items) => (items || []).map((i) => i.json));
		const pairedItems = main.map((items) => (items || []).map((i) => i.pairedItem));
		out[name] = {
			items: outputs[0] || [],
			outputs,
			pairedItems: pairedItems[0] || [],
			executionTime: last.executionTime,
			executionStatus: last.executionStatus,
			error: last.error ? last.error.message || String(last.error) : null,
			runs: runs.length,
			hints: last.hints || [],
		};
	}
	return out;
}

/** The workflow-level error message, or null. */
function runError(run) {
	const resultData = resultDataOf(run);
	return resultData && resultData.error ? resultData.error.message || JSON.stringify(resultData.error) : null;
}

/**
 * Parses the JSON that `n8n execute --rawOutput` prints. n8n prints it through its logger, so
 * other log lines may surround it; the run JSON is pretty-printed with "{" and "}" alone on
 * their lines at column 0.
 */
function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const ends = [];
	const starts = [];
	lines.forEach((l, i) => {
		if (l === '{') starts.push(i);
		if (l === '}') ends.push(i);
	});
	for (let s = starts.length - 1; s >= 0; s--) {
		for (const e of ends.slice().reverse()) {
			if (e <= starts[s]) continue;
			try {
				const parsed = JSON.parse(lines.slice(starts[s], e + 1).join('\n'));
				if (parsed && (parsed.data || parsed.resultData)) return parsed;
			} catch {
				// not this pair
			}
		}
	}
	return null;
}

module.exports = { nodeResults, runError, parseExecuteOutput };
