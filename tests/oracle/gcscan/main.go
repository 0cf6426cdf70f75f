// Command gcscan is the oracle for the scanner's error messages: gc's own scanner
// (cmd/compile/internal/syntax: scanner.go, source.go, tokens.go, token_string.go, which
// compile on their own). tests/scanner/run.sh copies those four files from $GOROOT next to
// this one, renaming their package to main, and builds them together.
//
// For each file it prints "# PATH", then every error gc's scanner reports, as
// LINE:COL: MESSAGE (positions unadjusted by //line directives), in the order reported.
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, path := range os.Args[1:] {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Fprintf(out, "# %s\n", path)
		var s scanner
		s.init(f, func(line, col uint, msg string) {
			fmt.Fprintf(out, "%d:%d: %s\n", line, col, msg)
		}, 0)
		for {
			s.next()
			if s.tok == _EOF {
				break
			}
		}
		f.Close()
	}
}
