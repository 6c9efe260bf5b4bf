// Panel times: the simulator's `${date}` and SQL text against Node itself running in the panel's zone.
import { runNode } from '../harness/processes';

describe('panel clock text against Node itself', () => {
	it.each([
		['Asia/Kolkata', 330],
		['Etc/GMT-2', 120],
		['Etc/GMT+3', -180],
		['UTC', 0],
	])('%s (offset %i) prints what the simulator writes', (zone, offset) => {
		const instants = [Date.UTC(2026, 10, 30, 4, 50, 36, 789), Date.UTC(2024, 1, 29, 18, 30, 0, 0), Date.UTC(2027, 0, 3, 23, 59, 59, 999)];
		const script = `
			const { formatDateString, formatDateTime } = require(${JSON.stringify(require.resolve('./panelClock'))});
			const pad = (n) => String(n).padStart(2, '0');
			for (const ms of ${JSON.stringify(instants)}) {
				const d = new Date(ms);
				const sql = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
				console.log(JSON.stringify([String(d), formatDateString(ms, ${offset}), sql, formatDateTime(ms, ${offset})]));
			}`;
		const result = runNode(['-e', script], { env: { TZ: zone } });
		expect(result.stderr).toBe('');
		const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
		expect(lines).toHaveLength(3);
		for (const [node, simulator, nodeSql, simulatorSql] of lines) expect([simulator, simulatorSql]).toEqual([node, nodeSql]);
	});
});
