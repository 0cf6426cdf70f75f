// Command tokdump is the scanner oracle: for each file it prints go/scanner's tokens
// (mode ScanComments, errors counted but not printed), one line per token:
//
//	LINE:COL TOKEN LIT
//
// with LIT quoted by %+q and positions unadjusted by //line directives. A "# PATH" line
// opens each file. With -hash it prints instead one line per file, "PATH NTOKENS HASH",
// where HASH is the FNV-1a 64 of the file's token lines (tests/tools/tokdump.c does the
// same), so whole trees compare quickly and only mismatching files are dumped.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/scanner"
	"go/token"
	"hash/fnv"
	"io"
	"os"
)

func main() {
	hash := flag.Bool("hash", false, "print PATH NTOKENS HASH per file")
	list := flag.String("list", "", "read file names from this file (one per line) after the arguments")
	flag.Parse()
	files := flag.Args()
	if *list != "" {
		f, err := os.Open(*list)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if sc.Text() != "" {
				files = append(files, sc.Text())
			}
		}
		f.Close()
	}
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fset := token.NewFileSet()
		file := fset.AddFile(path, -1, len(src))
		var s scanner.Scanner
		s.Init(file, src, func(token.Position, string) {}, scanner.ScanComments)
		var w io.Writer = out
		h := fnv.New64a()
		if *hash {
			w = h
		} else {
			fmt.Fprintf(out, "# %s\n", path)
		}
		n := 0
		for {
			pos, tok, lit := s.Scan()
			p := fset.PositionFor(pos, false)
			fmt.Fprintf(w, "%d:%d %s %+q\n", p.Line, p.Column, tok, lit)
			n++
			if tok == token.EOF {
				break
			}
		}
		if *hash {
			fmt.Fprintf(out, "%s %d %016x\n", path, n, h.Sum64())
		}
	}
}
