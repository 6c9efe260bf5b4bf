// The project's own lint, run by `npm run lint` after n8n's (eslint.config.mjs, which must stay n8n's
// default for n8n Cloud: it lints every TypeScript file with @n8n/community-nodes' recommended rules and
// node-cli's own copy of eslint-plugin-n8n-nodes-base, 1.16). Here: the rule sets of our pinned
// eslint-plugin-n8n-nodes-base 2.0.0 on the code we ship and on package.json, the @n8n/community-nodes
// package.json checks, and ESLint's recommended rules on the plain-JS tests, tools and scripts.
import js from '@eslint/js';
import globals from 'globals';
import tsParser from '@typescript-eslint/parser';
import * as jsoncParser from 'jsonc-eslint-parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin, configs as communityConfigs } from '@n8n/eslint-plugin-community-nodes';

const n8nBase = { 'n8n-nodes-base': n8nNodesBase };
const communityRules = communityConfigs.recommended.rules;

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.e2e/**', 'bench/out/**'] },
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: { ...n8nBase, '@n8n/community-nodes': n8nCommunityNodesPlugin },
		rules: {
			...n8nNodesBase.configs.community.rules,
			// `author` and `homepage` name the publisher, who is not known yet: they are the two
			// requirements left out here, in `npm run lint`'s run of n8n's config and in CI's scanner run
			// (scripts/scan.mjs); the publish workflow runs the full scanner, so nothing is published
			// without them.
			'n8n-nodes-base/community-package-json-author-missing': 'off',
			...Object.fromEntries(
				Object.entries(communityRules).filter(([name]) =>
					[
						'no-runtime-dependencies',
						'n8n-object-validation',
						'package-name-convention',
						'no-overrides-field',
						'no-forbidden-lifecycle-scripts',
						'valid-peer-dependencies',
						'require-files-array',
						'require-version',
						'valid-description',
						'no-template-placeholders',
					].some((rule) => name.endsWith('/' + rule)),
				),
			),
		},
	},
	// @n8n/community-nodes' recommended rules on nodes/ and credentials/ come from n8n's config (same plugin).
	{
		files: ['credentials/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		plugins: n8nBase,
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Written for n8n's own docs slugs; community credentials link to their own docs by URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		plugins: n8nBase,
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Contradicts @n8n/community-nodes/node-connection-type-literal (NodeConnectionTypes.Main,
			// which n8n-workflow 1.120 and 2.41 both export); the newer verification rule wins.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: ['scripts/**/*.mjs', '*.mjs'],
		languageOptions: { sourceType: 'module', ecmaVersion: 2023, globals: { ...globals.node } },
		rules: { ...js.configs.recommended.rules },
	},
	{
		files: ['test/**/*.js', 'bench/**/*.js', 'scripts/**/*.js', 'gulpfile.js', 'index.js', 'jest.config.js'],
		languageOptions: { sourceType: 'commonjs', ecmaVersion: 2023, globals: { ...globals.node } },
		rules: { ...js.configs.recommended.rules, 'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }] },
	},
	// jest's setup file (jest.config.js setupFilesAfterEnv) registers hooks.
	{ files: ['test/harness/jestSetup.js'], languageOptions: { globals: { ...globals.jest } } },
];
