#!/usr/bin/env bash
# Seeds: the headers of real files (standard library sources with build constraints).
root=$(go env GOROOT 2>/dev/null || echo /usr/local/go)
grep -rl --include='*.go' -e '^//go:build' -e '^// +build' "$root/src" 2>/dev/null | head -1500
