#!/usr/bin/env node
// CommonJS (see bin/package.json): starting through Node's ES module loader costs more.
// dist/boot.cjs sets V8 up for krant and loads the command through a code cache.
require('../dist/boot.cjs').load('cli.cjs').main(process.argv);
