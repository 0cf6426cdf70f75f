// Command tokdump is the scanner oracle: for each file it prints go/scanner's tokens
// (mode ScanComments, errors counted but not printed), one line per token:
//
//	LINE:COL TOKEN LIT
//
// with LIT quoted by %+q and positions unadjusted by //line directives. A "# PATH" line
// opens each file. With -hash it prints instead one line per file, "PATH NTOKENS HASH",
// where HASH is the FNV-1a 64 of the file's token lines (tests/tools/tokdump.c does the
// same), so whole trees compare quickly and only mismatching files are dumped.
//
// With -mutate DIR it writes instead, for each file, -n mutated copies into DIR (random
// byte edits drawn from the characters that steer a scanner, seeded by -seed), for the
// differential tests on malformed input; -clean leaves out NUL, invalid UTF-8 and BOMs.
//
// With -stats it times go/scanner (mode 0) over the files, already in memory, best of
// -rounds runs (process CPU time), and prints bytes, tokens and MB/s as
// tests/tools/tokdump -stats does.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/scanner"
	"go/token"
	"hash/fnv"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// cpuTime is the process's user+system CPU time (GC included), steadier than wall time on
// a shared machine; tests/tools/tokdump -stats measures the same.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

var pieces = []string{"\"", "'", "`", "\\", "/", "*", "/*", "*/", "//", "\n", "\r", " ", ".", "..",
	"0", "0x", "0b", "0o", "_", "e", "p", "i", "8", "9", "a", "f", "+", "-", "x", "u", "U",
	"é", "١", "€", "\u00a0", "\\x", "\\u", "\\U", "\\0", "@", "#", "$", "?", "'a'", `"\\"`, "“"}
var dirty = []string{"\x00", "\xff", "\xc3", "\xed\xa0\x80", "\xef\xbb\xbf", "\xf4\x90\x80\x80"}

func mutate(r *rand.Rand, src []byte, clean bool) []byte {
	out := append([]byte(nil), src...)
	edits := 1 + r.Intn(4)
	for e := 0; e < edits; e++ {
		pool := pieces
		if !clean && r.Intn(4) == 0 {
			pool = dirty
		}
		p := pool[r.Intn(len(pool))]
		at := 0
		if len(out) > 0 {
			at = r.Intn(len(out) + 1)
		}
		switch r.Intn(4) {
		case 0: // insert
			out = append(out[:at], append([]byte(p), out[at:]...)...)
		case 1: // replace
			end := at + 1 + r.Intn(3)
			if end > len(out) {
				end = len(out)
			}
			out = append(out[:at], append([]byte(p), out[end:]...)...)
		case 2: // delete
			end := at + 1 + r.Intn(8)
			if end > len(out) {
				end = len(out)
			}
			out = append(out[:at], out[end:]...)
		case 3: // truncate
			if r.Intn(4) == 0 {
				out = out[:at]
			}
		}
	}
	return out
}

func main() {
	hash := flag.Bool("hash", false, "print PATH NTOKENS HASH per file")
	list := flag.String("list", "", "read file names from this file (one per line) after the arguments")
	mutDir := flag.String("mutate", "", "write mutated copies of the files into this directory")
	nmut := flag.Int("n", 3, "mutated copies per file (-mutate)")
	seed := flag.Int64("seed", 1, "random seed (-mutate)")
	clean := flag.Bool("clean", false, "no NUL, invalid UTF-8 or BOM in mutations (-mutate)")
	stats := flag.Bool("stats", false, "time go/scanner over the files")
	rounds := flag.Int("rounds", 3, "timing rounds (-stats)")
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
	if *stats {
		var srcs [][]byte
		bytes := 0
		for _, path := range files {
			src, err := os.ReadFile(path)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			srcs = append(srcs, src)
			bytes += len(src)
		}
		best := time.Duration(1 << 62)
		ntok, nerr := 0, 0
		for r := 0; r < *rounds; r++ {
			t0 := cpuTime()
			ntok, nerr = 0, 0
			for _, src := range srcs {
				fset := token.NewFileSet()
				file := fset.AddFile("x.go", -1, len(src))
				var s scanner.Scanner
				s.Init(file, src, nil, 0)
				for {
					_, tok, _ := s.Scan()
					if tok == token.EOF {
						break
					}
					ntok++
				}
				nerr += s.ErrorCount
			}
			if d := cpuTime() - t0; d < best {
				best = d
			}
		}
		fmt.Printf("files %d bytes %d tokens %d errors %d seconds %.3f MB/s %.0f\n", len(srcs), bytes, ntok, nerr,
			best.Seconds(), float64(bytes)/1e6/best.Seconds())
		return
	}
	if *mutDir != "" {
		r := rand.New(rand.NewSource(*seed))
		for i, path := range files {
			src, err := os.ReadFile(path)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			base := filepath.Base(path)
			for k := 0; k < *nmut; k++ {
				name := filepath.Join(*mutDir, fmt.Sprintf("%04d_%d_%s.src", i, k, base))
				if err := os.WriteFile(name, mutate(r, src, *clean), 0o644); err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(2)
				}
			}
		}
		return
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
