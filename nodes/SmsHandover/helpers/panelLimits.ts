/** What the SMS Handover panel accepts, as its API doc and code say. Pure constants. */

/** The panel takes at most this many personalised messages (or contacts) in one POST. */
export const BULK_LIMIT = 50_000;

/**
 * The doc spells the personalised-bulk parameter `bulk_campaigm` (sic); the panel's Node API reads
 * `bulk_campaign`. The credential's Bulk Parameter Name chooses; this is its default.
 */
export const BULK_PARAMETER = 'bulk_campaigm';
export const BULK_PARAMETER_NAMES = [BULK_PARAMETER, 'bulk_campaign'] as const;
export type BulkParameterName = (typeof BULK_PARAMETER_NAMES)[number];

/** The panel stores a message's callback URL in a varchar(255) column. */
export const MAX_DLR_URL_LENGTH = 255;
