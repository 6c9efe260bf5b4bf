'use strict';
// What the numbers were measured on: they only mean something next to the machine and date.
const fs = require('fs');
const os = require('os');
const { execFileSync } = require('child_process');

function cpuModel() {
	try {
		const match = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
		if (match) return match[1].trim();
	} catch {
		// not Linux
	}
	return (os.cpus()[0] && os.cpus()[0].model) || 'unknown';
}

function nodeVersion(bin) {
	try {
		return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 15000 }).trim();
	} catch {
		return null;
	}
}

/** { date, nproc, cpu, ramGb, os, node, node24? } */
function machineInfo({ node24Bin } = {}) {
	const info = {
		date: new Date().toISOString(),
		nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
		cpu: cpuModel(),
		ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		node: process.version,
	};
	if (node24Bin && fs.existsSync(node24Bin)) info.node24 = nodeVersion(node24Bin);
	return info;
}

/** Load average while measuring: other work on a 2-core machine moves every number. */
function loadAverage() {
	return os.loadavg().map((v) => Math.round(v * 100) / 100);
}

function describeMachine(info) {
	const nodes = [`Node ${info.node}`, info.node24 ? `Node ${info.node24} (n8n 2.x)` : null].filter(Boolean).join(', ');
	return `${info.date.slice(0, 10)} · ${info.nproc} × ${info.cpu} · ${info.ramGb} GB RAM · ${nodes}`;
}

module.exports = { machineInfo, loadAverage, describeMachine };
