// Command constraint is the oracle for gomem's build-constraint parser: go/build/constraint
// itself. With -gen N it prints N pseudo-random "TAGS<tab>LINE" test lines (valid and
// broken //go:build and // +build lines); otherwise it reads such lines from stdin and
// prints, per line, "ok VALUE EXPR" (the value with exactly TAGS true, and Expr.String())
// or "err MESSAGE" — the format of `gomem list -evalconstraints`.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/build/constraint"
	"math/rand"
	"os"
	"strings"
)

var tagNames = []string{"a", "b", "c", "linux", "go1.21", "x.y", "cgo", "amd64", "_u", "9p"}

func genExpr(r *rand.Rand, depth int) string {
	if depth > 4 {
		return tagNames[r.Intn(len(tagNames))]
	}
	switch r.Intn(6) {
	case 0:
		return "!" + genAtom(r, depth)
	case 1:
		return genExpr(r, depth+1) + " && " + genExpr(r, depth+1)
	case 2:
		return genExpr(r, depth+1) + " || " + genExpr(r, depth+1)
	case 3:
		return "(" + genExpr(r, depth+1) + ")"
	default:
		return tagNames[r.Intn(len(tagNames))]
	}
}

func genAtom(r *rand.Rand, depth int) string {
	if r.Intn(2) == 0 {
		return "(" + genExpr(r, depth+1) + ")"
	}
	return tagNames[r.Intn(len(tagNames))]
}

var junk = []string{"a", "b", "!", "&&", "||", "(", ")", " ", "&", "|", "x.y", "é", "-", "!!", "\t", "c"}
var plusWords = []string{"a", "b", "!a", "!!b", "!", "a,b", "a,!c", "x.y", "x-y", "linux,amd64", "c,", ",a", "go1.21"}

func gen(r *rand.Rand) string {
	var line string
	switch r.Intn(5) {
	case 0, 1:
		line = "//go:build " + genExpr(r, 0)
	case 2:
		var b strings.Builder
		for n := r.Intn(8); n >= 0; n-- {
			b.WriteString(junk[r.Intn(len(junk))])
		}
		line = "//go:build " + b.String()
	case 3:
		var w []string
		for n := r.Intn(5); n >= 0; n-- {
			w = append(w, plusWords[r.Intn(len(plusWords))])
		}
		line = "// +build " + strings.Join(w, " ")
	default:
		var b strings.Builder
		for n := r.Intn(6); n >= 0; n-- {
			b.WriteString(junk[r.Intn(len(junk))])
		}
		line = []string{"//go:build", "//go:build ", "// +build", "//+build ", "//go:buildx"}[r.Intn(5)] + b.String()
	}
	var tags []string
	for _, t := range tagNames {
		if r.Intn(2) == 0 {
			tags = append(tags, t)
		}
	}
	return strings.Join(tags, ",") + "\t" + line
}

func main() {
	n := flag.Int("gen", 0, "print N generated test lines")
	flag.Parse()
	if *n > 0 {
		r := rand.New(rand.NewSource(1))
		for i := 0; i < *n; i++ {
			fmt.Println(gen(r))
		}
		return
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		tags, line, ok := strings.Cut(in.Text(), "\t")
		if !ok {
			fmt.Fprintln(out, "bad input line")
			continue
		}
		set := map[string]bool{}
		for _, t := range strings.Split(tags, ",") {
			if t != "" {
				set[t] = true
			}
		}
		x, err := constraint.Parse(line)
		if err != nil {
			fmt.Fprintf(out, "err %v\n", err)
			continue
		}
		fmt.Fprintf(out, "ok %v %s\n", x.Eval(func(t string) bool { return set[t] }), x.String())
	}
}
