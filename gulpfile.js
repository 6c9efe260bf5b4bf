const fs = require('fs');
const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', copyIcons);
task('clean', clean);

/** tsc never deletes: without this, the output of a removed source file would still be packed. */
async function clean() {
	fs.rmSync(path.resolve('dist'), { recursive: true, force: true });
}

/** tsc emits only JavaScript; n8n loads node and credential icons from next to the built files. */
function copyIcons() {
	const nodeSource = path.resolve('nodes', '**', '*.{png,svg}');
	const nodeDestination = path.resolve('dist', 'nodes');
	src(nodeSource, { encoding: false }).pipe(dest(nodeDestination));

	const credSource = path.resolve('credentials', '**', '*.{png,svg}');
	const credDestination = path.resolve('dist', 'credentials');
	return src(credSource, { encoding: false }).pipe(dest(credDestination));
}
