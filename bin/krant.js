#!/usr/bin/env node
// CommonJS (see bin/package.json): starting through Node's ES module loader costs more.
require('../dist/cli.cjs').main(process.argv);
