// lodash comes with n8n-workflow, without types: the one function the credential-test harness uses.
declare module 'lodash/get' {
	export default function get(object: unknown, path: string): unknown;
}
