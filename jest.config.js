/** Unit and integration tests (fast, in process). The real-n8n suite is `npm run test:e2e`. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	// n8n's log is recorded, not printed; an error line a test did not expect fails it (test/harness/n8nLog.js).
	setupFilesAfterEnv: ['<rootDir>/test/harness/jestSetup.js'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	testTimeout: 30000,
};
