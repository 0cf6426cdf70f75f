// Command mutate writes deterministic syntax mutants of Go files, for the parser's error
// tests (tests/parse-errors): from a fixed seed it picks -n of the files named in -list and
// writes, for each, four mutants into -out:
//
//	NNNN_del_BASE.go    one token deleted
//	NNNN_dup_BASE.go    one token written twice
//	NNNN_ins_BASE.go    one token from a fixed vocabulary inserted before a token
//	NNNN_cut_BASE.go    the file truncated at a random byte offset
//
// Tokens are found with go/scanner (automatic semicolons excluded); the random choices use
// math/rand/v2's PCG, so the same inputs and seed give the same mutants on every run. The
// paths written are printed one per line.
package main

import (
	"flag"
	"fmt"
	"go/scanner"
	"go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

var (
	listFile = flag.String("list", "", "file naming the candidate Go files, one per line")
	outDir   = flag.String("out", "", "directory to write the mutants into")
	count    = flag.Int("n", 300, "number of files to mutate")
	seed     = flag.Uint64("seed", 1, "random seed")
)

// vocab is what an insertion may add: every kind of token, a few of each.
var vocab = []string{
	"(", ")", "[", "]", "{", "}", ",", ";", ":", ".", "...", "=", ":=", "+", "-", "*", "/",
	"%", "&", "|", "^", "<<", ">>", "&^", "+=", "&&", "||", "<-", "++", "--", "==", "!=",
	"<", "<=", ">", ">=", "!", "~", "->", "?", "@", "#", "$", "\\",
	"break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
	"for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
	"return", "select", "struct", "switch", "type", "var",
	"x", "_", "int", "nil", "0", "1.5", "0x", "1e", "2i", "'a'", "''", "\"s\"", "`r`", "\"",
	"`", "'", "/*", "*/", "//", "\n", "\x00", "\xff", "é",
}

type tok struct{ off, end int }

func tokens(src []byte) []tok {
	fset := token.NewFileSet()
	f := fset.AddFile("x.go", -1, len(src))
	var s scanner.Scanner
	s.Init(f, src, func(token.Position, string) {}, 0)
	var ts []tok
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		if t == token.SEMICOLON && lit == "\n" {
			continue
		}
		off := f.Offset(pos)
		n := len(lit)
		if lit == "" || t.IsOperator() || t.IsKeyword() {
			n = len(t.String())
		}
		if t == token.SEMICOLON {
			n = 1
		}
		if off+n > len(src) {
			n = len(src) - off
		}
		ts = append(ts, tok{off, off + n})
	}
	return ts
}

func main() {
	flag.Parse()
	if *listFile == "" || *outDir == "" {
		fmt.Fprintln(os.Stderr, "usage: mutate -list FILES -out DIR [-n N] [-seed S]")
		os.Exit(2)
	}
	data, err := os.ReadFile(*listFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var files []string
	for _, l := range strings.Split(string(data), "\n") {
		if l != "" {
			files = append(files, l)
		}
	}
	r := rand.New(rand.NewPCG(*seed, 0x9e3779b97f4a7c15))
	perm := r.Perm(len(files))
	if *count < len(perm) {
		perm = perm[:*count]
	}
	if err := os.MkdirAll(*outDir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for i, fi := range perm {
		name := files[fi]
		src, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		ts := tokens(src)
		if len(ts) == 0 {
			continue
		}
		base := filepath.Base(name)
		write := func(kind string, b []byte) {
			p := filepath.Join(*outDir, fmt.Sprintf("%04d_%s_%s", i, kind, base))
			if err := os.WriteFile(p, b, 0o644); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			fmt.Println(p)
		}
		cat := func(parts ...[]byte) []byte {
			var b []byte
			for _, p := range parts {
				b = append(b, p...)
			}
			return b
		}
		t := ts[r.IntN(len(ts))]
		write("del", cat(src[:t.off], src[t.end:]))
		t = ts[r.IntN(len(ts))]
		write("dup", cat(src[:t.end], []byte(" "), src[t.off:]))
		t = ts[r.IntN(len(ts))]
		v := vocab[r.IntN(len(vocab))]
		write("ins", cat(src[:t.off], []byte(v+" "), src[t.off:]))
		write("cut", src[:r.IntN(len(src))])
	}
}
