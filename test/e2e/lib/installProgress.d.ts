export declare class InstallProgress {
	constructor(measured: { manifests: number; packages: number; seconds: number; resolveSeconds: number; startedAt?: number });
	manifests: Set<string>;
	checked: number;
	downloaded: number;
	feed(chunk: string, now?: number): void;
	describe(now?: number, formatMs?: (ms: number) => string): string;
}
