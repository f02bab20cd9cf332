#!/bin/sh
":" //; if [ -t 0 ] && [ -t 1 ]; then case " $* " in *" -p "*|*" --print "*|*" --json "*|*" --reindex "*|*" -h "*|*" --help "*|*" -V "*|*" --version "*) ;; *) exec node --max-semi-space-size=2 "$0" "$@" ;; esac; fi; exec node "$0" "$@"
// The line above is for sh, and a string to JavaScript. Run as a command, the reader
// gets Node with a small young generation: its RSS at 200 000 articles 121 -> 108 MB,
// keys as fast (npm run bench). Printing does not: the flag costs 7 ms of start-up.
// `node bin/krant.js` works too, without it.
// CommonJS (see bin/package.json): starting through Node's ES module loader costs more.
require('../dist/cli.cjs').main(process.argv);
