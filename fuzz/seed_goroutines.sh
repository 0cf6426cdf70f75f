#!/usr/bin/env bash
# Seeds for fuzz_goroutines: the real dumps kept as test data (Go 1.19, every form).
cd "$(dirname "$0")/.." && ls -d "$PWD"/tests/goroutines/testdata/go1.19/*.txt "$PWD"/tests/goroutines/testdata/go1.19/*.gz
