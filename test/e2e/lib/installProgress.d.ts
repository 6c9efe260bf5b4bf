export declare class InstallProgress {
	constructor(options: { expectedPackages: number; resolveShare?: number; startedAt?: number });
	manifests: Set<string>;
	tarballs: Set<string>;
	feed(chunk: string): void;
	fraction(): number;
	describe(now?: number, formatMs?: (ms: number) => string): string;
}
