/** The provider takes at most this many personalised messages (or contacts) in one POST. */
export const BULK_LIMIT = 50_000;

/**
 * The doc spells the parameter `bulk_campaigm` (sic). We send the spelling we were given; if a
 * panel turns out to expect `bulk_campaign`, this is the one place to change.
 */
export const BULK_PARAMETER = 'bulk_campaigm';
