#!/bin/sh
":" //; exec node --max-semi-space-size=2 "$0" "$@"
// The line above is for sh and a string to JavaScript: run as a command, krant starts
// Node with a small young generation (the reader's RSS 121 -> 110 MB at 200 000
// articles, keys as fast: measured by `npm run bench`). `node bin/krant.js` works too.
// CommonJS (see bin/package.json): starting through Node's ES module loader costs more.
require('../dist/cli.cjs').main(process.argv);
