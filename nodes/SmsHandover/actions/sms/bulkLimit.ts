/** The provider takes at most this many personalised messages (or contacts) in one POST. */
export const BULK_LIMIT = 50_000;

/**
 * The doc spells the parameter `bulk_campaigm` (sic); the panel's Node API reads `bulk_campaign`.
 * The credential's Bulk Parameter Name chooses; this is its default.
 */
export const BULK_PARAMETER = 'bulk_campaigm';
export const BULK_PARAMETER_NAMES = [BULK_PARAMETER, 'bulk_campaign'] as const;
export type BulkParameterName = (typeof BULK_PARAMETER_NAMES)[number];
