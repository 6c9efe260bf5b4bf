'use strict';
// CPU time of a piece of work: what a speed bound can rely on when other test files share the cores.

/** Runs `work` and returns its result with the CPU time (user + system, ms) this process spent meanwhile. */
function withCpuTime(work) {
	const started = process.cpuUsage();
	const result = work();
	const used = process.cpuUsage(started);
	return { result, cpuMs: (used.user + used.system) / 1000 };
}

module.exports = { withCpuTime };
