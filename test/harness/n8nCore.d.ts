// Types for n8nCore.js: n8n-core loaded with a temp user folder, a test encryption key and its log recorded.
export function loadCore(): Promise<typeof import('n8n-core')>;
