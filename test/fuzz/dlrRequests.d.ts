// Types for the plain-JS request generators (dlrRequests.js), shared with the e2e suite.
import type { Arbitrary } from 'fast-check';

export interface ExpectedReport {
	shootId: string | null;
	mobile: string | null;
}

export type Expectation =
	| { kind: 'reports'; reports: ExpectedReport[] }
	| { kind: 'empty' }
	| { kind: 'refused' }
	| { kind: 'unauthenticated' }
	| { kind: 'any' };

export interface GeneratedRequest {
	label: string;
	method: string;
	/** Query parameters in order (a name may repeat). */
	query: Array<[string, string]>;
	headers: Record<string, string>;
	body: Buffer | null;
	expect: Expectation;
}

export function triggerRequest(secret: string, options?: { light?: boolean }): Arbitrary<GeneratedRequest>;
export function validRequest(options: { light: boolean }): Arbitrary<GeneratedRequest>;
export function refusedRequest(options: { light: boolean }): Arbitrary<GeneratedRequest>;
export function chaosRequest(): Arbitrary<GeneratedRequest>;
export function toFetch(request: GeneratedRequest, url: string): { url: string; init: RequestInit };
export function describe(request: GeneratedRequest): string;
