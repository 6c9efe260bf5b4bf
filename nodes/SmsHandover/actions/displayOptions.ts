import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Scopes an operation's properties to its resource and operation, so none repeats it by hand. */
export function forOperation(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	const scope: IDisplayOptions = { show: { resource: [resource], operation: [operation] } };
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, ...scope.show },
		},
	}));
}
