// Command gcsyntax is the oracle of gc's own syntax verdict: it parses Go files with the
// compiler's parser (cmd/compile/internal/syntax, copied from the installed GOROOT at build
// time by tests/oracle/build-gcsyntax.sh: the package is internal to cmd and cannot be
// imported) and prints, per file, "FILE: ok" or gc's first error "FILE:LINE:COL: MSG".
//
// All errors are collected and the first by position is printed, as gc sorts its errors
// before printing them. Lines and columns are the file's own (not adjusted by //line), with
// columns in bytes as gc counts them. The parse mode is gc's (CheckBranches) unless -nobranches.
//
//	gcsyntax [-nobranches] [-all] FILE...   (or -list LISTFILE)
//	gcsyntax -cases|-gotest|-mutants GOMEM ... FILE...   checks of gomem: see check.go
//
// Exit status: 0 when every file parsed, 1 when some file had an error, 2 on I/O errors.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"gcsyntax/syntax"
)

var (
	listFile   = flag.String("list", "", "read file names from this file, one per line")
	noBranches = flag.Bool("nobranches", false, "do not check labels and branches (gc does)")
	all        = flag.Bool("all", false, "print every error, not only the first")
	casesBin   = flag.String("cases", "", "check gomem (this path) on files with ERROR comments")
	goTestBin  = flag.String("gotest", "", "check gomem (this path) on $GOROOT/test errorcheck files")
	mutantsBin = flag.String("mutants", "", "check gomem's (this path) verdicts on mutants")
	exceptFile = flag.String("except", "", "explained exceptions for -gotest and -mutants")
	testPrefix = flag.String("prefix", "", "prefix of the test names printed")
	goTestRoot = flag.String("root", "", "directory whose prefix is cut from -gotest test names")
	showLines  = flag.Int("showlines", 0, "-mutants: show this many first-error-line differences with gc")
)

func main() {
	flag.Parse()
	files := flag.Args()
	if *listFile != "" {
		data, err := os.ReadFile(*listFile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l != "" {
				files = append(files, l)
			}
		}
	}
	switch {
	case *casesBin != "":
		os.Exit(casesMain(*casesBin, *testPrefix, files))
	case *goTestBin != "":
		os.Exit(gotestMain(*goTestBin, *testPrefix, *exceptFile, files))
	case *mutantsBin != "":
		os.Exit(mutantsMain(*mutantsBin, *testPrefix, *exceptFile, files))
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	status := 0
	mode := syntax.CheckBranches
	if *noBranches {
		mode = 0
	}
	for _, name := range files {
		var errs []syntax.Error
		_, err := syntax.ParseFile(name, func(e error) {
			if se, ok := e.(syntax.Error); ok {
				errs = append(errs, se)
			}
		}, nil, mode)
		if len(errs) == 0 && err != nil {
			w.Flush()
			fmt.Fprintln(os.Stderr, err)
			status = 2
			continue
		}
		if len(errs) == 0 {
			fmt.Fprintf(w, "%s: ok\n", name)
			continue
		}
		if status == 0 {
			status = 1
		}
		sort.SliceStable(errs, func(i, j int) bool {
			a, b := errs[i].Pos, errs[j].Pos
			if a.Line() != b.Line() {
				return a.Line() < b.Line()
			}
			return a.Col() < b.Col()
		})
		for _, e := range errs {
			fmt.Fprintf(w, "%s:%d:%d: %s\n", name, e.Pos.Line(), e.Pos.Col(), strings.ReplaceAll(e.Msg, "\n", `\n`))
			if !*all {
				break
			}
		}
	}
	w.Flush()
	os.Exit(status)
}
