'use strict';
// Every jest test file (jest.config.js setupFilesAfterEnv): n8n's log is checked and cleared after each test.
const { endTest } = require('./n8nLog');

afterEach(() => endTest());
