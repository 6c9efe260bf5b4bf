export interface WorstRequest {
	method: string;
	query?: Record<string, unknown>;
	body: unknown;
	contentType: string;
}
export function worstRequests(): Record<string, WorstRequest>;
export function manyKeys(count: number, value?: string): Record<string, string>;
export function nested(depth: number): unknown;
export function formText(count: number): string;
export const MB: number;
export interface WorstHttpRequest {
	label: string;
	query: Array<[string, string]>;
	body: Buffer;
	contentType: string;
	status: number;
}
export function worstHttpRequests(): WorstHttpRequest[];
