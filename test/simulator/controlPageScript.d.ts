// Types for controlPageScript.js: the control page's script and the helpers it carries.

/** The URL with its `token` value shown as ***. */
export function maskToken(url: string): string;
/** The pasted URL with from=%p&text=%r&to=%v&id=%i&time=%t&keyword=%m merged into its query (its own parameters first). */
export function inboundUrl(pasted: string): string;
/** What a push or inbound record's URL answered, in words. */
export function describeAnswer(record: { status: number | null; error?: string | null; responseBody?: string } | undefined): string;
/** Whether the record is a 2xx answer. */
export function answeredOk(record: { status: number | null } | undefined): boolean;
/** What the page says about the pasted URL before anything is sent. */
export function describeTarget(url: string): string;
/** The page's whole inline script. */
export function controlPageScript(): string;
