'use strict';
// Own encoding/segment counter (GSM 03.38), independent of nodes/ so the simulator can act as an oracle.

const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// Characters of the extension table cost an escape septet plus their own.
const GSM_EXTENSION = '\f^{}\\[~]|€';

const basicSet = new Set(GSM_BASIC);
const extensionSet = new Set(GSM_EXTENSION);

/** Septets needed for `text` in GSM-7, or -1 when a character is outside the GSM alphabet. */
function gsmSeptets(text) {
	let septets = 0;
	for (const char of text) {
		if (basicSet.has(char)) septets += 1;
		else if (extensionSet.has(char)) septets += 2;
		else return -1;
	}
	return septets;
}

/**
 * How the gateway would encode and split `text`: `type` 'unicode' forces UCS-2; any other type
 * (text, flash) uses GSM-7 when every character fits, UCS-2 otherwise.
 * @returns {{ encoding: 'GSM-7' | 'UCS-2', units: number, segments: number }}
 */
function countSegments(text, type) {
	const septets = type === 'unicode' ? -1 : gsmSeptets(text);
	if (septets >= 0) {
		return { encoding: 'GSM-7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
	}
	// UCS-2 counts UTF-16 code units: an emoji (surrogate pair) takes two.
	const units = text.length;
	return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

module.exports = { countSegments, gsmSeptets };
