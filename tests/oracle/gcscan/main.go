// Command gcscan is the oracle for the scanner's error messages: gc's own scanner
// (cmd/compile/internal/syntax: scanner.go, source.go, tokens.go, token_string.go, which
// compile on their own). tests/scanner/run.sh copies those four files from $GOROOT next to
// this one, renaming their package to main, and builds them together.
//
// For each file it prints "# PATH", then every error gc's scanner reports, as
// LINE:COL: MESSAGE (positions unadjusted by //line directives), sorted by position
// (stable), as gomem's diagnostics are printed.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
)

type report struct {
	line, col uint
	msg       string
}

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
		var reports []report
		s.init(f, func(line, col uint, msg string) {
			reports = append(reports, report{line, col, msg})
		}, 0)
		for {
			s.next()
			if s.tok == _EOF {
				break
			}
		}
		f.Close()
		sort.SliceStable(reports, func(i, j int) bool {
			a, b := reports[i], reports[j]
			return a.line < b.line || a.line == b.line && a.col < b.col
		})
		for _, r := range reports {
			fmt.Fprintf(out, "%d:%d: %s\n", r.line, r.col, r.msg)
		}
	}
}
