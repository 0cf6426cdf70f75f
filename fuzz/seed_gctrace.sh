#!/usr/bin/env bash
# Seeds for fuzz_gctrace: the real gctrace logs kept as test data.
cd "$(dirname "$0")/.." && ls -d "$PWD"/tests/gctrace/testdata/*.log
