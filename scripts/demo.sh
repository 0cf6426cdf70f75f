#!/usr/bin/env bash
# make demo: runs gomem on the bundled example in examples/.
set -u
cd "$(dirname "$0")/.."
g=build/gomem
echo "\$ gomem --version"; $g --version
echo; echo "\$ gomem help"; $g help
