// The checking modes of gcsyntax, used by tests/parse-errors/run.sh. Each runs `GOMEM parse
// FILE` once per file and compares its verdict (exit status 0 or 1, anything else is a crash)
// and its first "FILE:LINE:COL: MSG" line with the oracles: gc's parser (this program) and
// go/parser (what gofmt -e runs, with gofmt's mode).
//
//	-cases GOMEM FILE...    files carrying their expected errors as `// ERROR "rx" ...` on the
//	                        line of the error, or `// ERROR-LINE N "rx"` anywhere (for lines
//	                        that cannot hold a comment). Checked at test time against gc (an
//	                        error matching rx on each such line) and go/parser (rejects the
//	                        file), then gomem: exit 1, first error on the first expected line,
//	                        and an error matching rx on every expected line. A file where
//	                        gc and go/parser differ says so: `// GOPARSER-ACCEPTS: why`.
//	-gotest GOMEM FILE...   $GOROOT/test errorcheck files: those gc's parser rejects are kept;
//	                        gomem must reject each, its first error on a line holding an
//	                        `// ERROR` comment or on gc's first error line. -except names the
//	                        explained exceptions ("BASENAME REASON" per line).
//	-mutants GOMEM FILE...  verdict agreement with go/parser, with the explained exceptions of
//	                        -except ("goparser-only RX REASON" or "gc-only RX REASON": go/parser
//	                        alone, or gc alone, rejects with a message matching RX), and the
//	                        first-error-line agreement percentages.
package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"gcsyntax/syntax"
)

// diag is one error: a line, a column and a message (line 0: none).
type diag struct {
	line, col int
	msg       string
}

func (d diag) String() string {
	if d.line == 0 {
		return "accepted"
	}
	return fmt.Sprintf("%d:%d: %s", d.line, d.col, d.msg)
}

// gcErrors returns gc's parser's errors on a file, sorted by position (no branch checks:
// label errors are not syntax errors).
func gcErrors(name string) ([]diag, error) {
	var ds []diag
	_, err := syntax.ParseFile(name, func(e error) {
		if se, ok := e.(syntax.Error); ok {
			ds = append(ds, diag{int(se.Pos.Line()), int(se.Pos.Col()), se.Msg})
		}
	}, nil, 0)
	if len(ds) == 0 && err != nil {
		return nil, err
	}
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].line != ds[j].line {
			return ds[i].line < ds[j].line
		}
		return ds[i].col < ds[j].col
	})
	return ds, nil
}

// goParserFirst returns go/parser's first error (gofmt -e's first line), line 0 when none.
func goParserFirst(name string) diag {
	src, err := os.ReadFile(name)
	if err != nil {
		return diag{1, 1, err.Error()}
	}
	fset := token.NewFileSet()
	_, err = parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution|parser.AllErrors)
	if err == nil {
		return diag{}
	}
	if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
		list.Sort()
		return diag{list[0].Pos.Line, list[0].Pos.Column, list[0].Msg}
	}
	return diag{1, 1, err.Error()}
}

// gomemResult is what one `gomem parse FILE` run said.
type gomemResult struct {
	status int    // exit status; -1 crash or timeout
	diags  []diag // its FILE:LINE:COL: lines, in output order
	tail   string // the end of its stderr, for reports
}

func runGomem(gomem, name string) gomemResult {
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, gomem, "parse", name)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = nil
	err := cmd.Run()
	r := gomemResult{}
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok && ee.Exited() {
			r.status = ee.ExitCode()
		} else {
			r.status = -1
		}
	}
	if ctx.Err() != nil || bytes.Contains(stderr.Bytes(), []byte("runtime error:")) || bytes.Contains(stderr.Bytes(), []byte("Sanitizer")) {
		r.status = -1 // a timeout, or a sanitizer's report (UBSan may exit with status 1)
	}
	prefix := name + ":"
	sc := bufio.NewScanner(&stderr)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		l := sc.Text()
		if !strings.HasPrefix(l, prefix) {
			continue
		}
		parts := strings.SplitN(l[len(prefix):], ":", 3)
		if len(parts) < 3 {
			continue
		}
		line, e1 := strconv.Atoi(parts[0])
		col, e2 := strconv.Atoi(parts[1])
		if e1 != nil || e2 != nil {
			continue
		}
		r.diags = append(r.diags, diag{line, col, strings.TrimSpace(parts[2])})
	}
	t := stderr.String()
	for _, key := range []string{"runtime error:", "ERROR: AddressSanitizer"} {
		if i := strings.Index(t, key); i >= 0 { // a sanitizer's report: its first line
			j := strings.IndexByte(t[i:], '\n')
			if j < 0 {
				j = len(t) - i
			}
			t = t[max(0, strings.LastIndexByte(t[:i], '\n')+1) : i+j]
			break
		}
	}
	if len(t) > 300 {
		t = "..." + t[len(t)-300:]
	}
	r.tail = strings.ReplaceAll(strings.TrimSpace(t), "\n", " | ")
	return r
}

func (r gomemResult) verdict() string {
	switch r.status {
	case 0:
		return "accepted"
	case 1:
		return "rejected"
	}
	return fmt.Sprintf("crashed (status %d): %s", r.status, r.tail)
}

func (r gomemResult) first() diag {
	if len(r.diags) == 0 {
		return diag{}
	}
	return r.diags[0]
}

// expectation is one expected error: a line and the regexps of which one must match.
type expectation struct {
	line int
	rxs  []*regexp.Regexp
	src  string
}

var (
	errRx      = regexp.MustCompile(`// (?:GC_)?ERROR (.*)`) // as cmd/internal/testdir reads them
	errLineRx  = regexp.MustCompile(`// ERROR-LINE (\d+) (.*)`)
	errQuoteRx = regexp.MustCompile(`"([^"]*)"`)
)

// expectations reads the ERROR comments of a file (as $GOROOT/test/run.go reads them: every
// quoted string after ERROR is a regexp).
func expectations(name string) ([]expectation, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var es []expectation
	add := func(line int, quoted string) error {
		e := expectation{line: line, src: quoted}
		for _, m := range errQuoteRx.FindAllStringSubmatch(quoted, -1) {
			rx, err := regexp.Compile(m[1])
			if err != nil {
				return fmt.Errorf("line %d: bad regexp %q: %v", line, m[1], err)
			}
			e.rxs = append(e.rxs, rx)
		}
		es = append(es, e)
		return nil
	}
	for i, l := range bytes.Split(src, []byte("\n")) {
		s := string(l)
		if strings.Contains(s, "////") { // a doubled comment disables ERROR, as in $GOROOT/test
			continue
		}
		if m := errLineRx.FindStringSubmatch(s); m != nil {
			n, _ := strconv.Atoi(m[1])
			if err := add(n, m[2]); err != nil {
				return nil, err
			}
		} else if m := errRx.FindStringSubmatch(s); m != nil {
			if err := add(i+1, m[1]); err != nil {
				return nil, err
			}
		}
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].line < es[j].line })
	return es, nil
}

func matchOn(ds []diag, e expectation) bool {
	for _, d := range ds {
		if d.line != e.line {
			continue
		}
		if len(e.rxs) == 0 {
			return true
		}
		for _, rx := range e.rxs {
			if rx.MatchString(d.msg) {
				return true
			}
		}
	}
	return false
}

func casesMain(gomem, prefix string, files []string) int {
	for _, name := range files {
		test := prefix + strings.TrimSuffix(filepath.Base(name), ".go")
		var why []string
		es, err := expectations(name)
		if err != nil {
			fmt.Printf("FAIL %s: %v\n", test, err)
			continue
		}
		if len(es) == 0 {
			fmt.Printf("FAIL %s: no // ERROR comment\n", test)
			continue
		}
		// The oracles first: the expectation itself must hold for gc and go/parser.
		gds, err := gcErrors(name)
		if err != nil {
			fmt.Printf("FAIL %s: gc parser: %v\n", test, err)
			continue
		}
		for _, e := range es {
			if !matchOn(gds, e) {
				why = append(why, fmt.Sprintf("expectation not confirmed by gc at line %d (%s); gc said: %v", e.line, e.src, gds[:min(len(gds), 3)]))
			}
		}
		src, _ := os.ReadFile(name)
		gpAccepts := bytes.Contains(src, []byte("// GOPARSER-ACCEPTS: "))
		if gp := goParserFirst(name); gp.line == 0 && !gpAccepts {
			why = append(why, "expectation not confirmed by go/parser (gofmt -e): it accepts the file")
		} else if gp.line != 0 && gpAccepts {
			why = append(why, "the file says go/parser accepts it, but go/parser now rejects it: "+gp.String())
		}
		r := runGomem(gomem, name)
		switch {
		case r.status != 1:
			why = append(why, "gomem "+r.verdict()+", want exit status 1")
		case len(r.diags) == 0:
			why = append(why, "gomem printed no FILE:LINE:COL: error line: "+r.tail)
		default:
			if r.diags[0].line != es[0].line {
				why = append(why, fmt.Sprintf("gomem's first error is at line %d (%s), want line %d (%s)", r.diags[0].line, r.diags[0].msg, es[0].line, es[0].src))
			} else if len(gds) > 0 && gds[0].line == es[0].line && r.diags[0].col != gds[0].col &&
				!strings.Contains(r.diags[0].msg, "exceeded max nesting depth") { // gomem's depth bound, as go/parser's
				why = append(why, fmt.Sprintf("gomem's first error is at column %d (%s), gc's at column %d (%s)", r.diags[0].col, r.diags[0].msg, gds[0].col, gds[0].msg))
			}
			for _, e := range es {
				if !matchOn(r.diags, e) {
					why = append(why, fmt.Sprintf("gomem has no error matching %s at line %d (gomem: %s)", e.src, e.line, r.first()))
				}
			}
		}
		if len(why) == 0 {
			fmt.Printf("ok %s\n", test)
		} else {
			fmt.Printf("FAIL %s: %s\n", test, strings.Join(why, "; "))
		}
	}
	return 0
}

// readExcept reads an exceptions file: lines of whitespace-separated fields, # comments.
func readExcept(name string) [][]string {
	if name == "" {
		return nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var out [][]string
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, strings.Fields(l))
	}
	return out
}

func gotestMain(gomem, prefix, except string, files []string) int {
	exc := map[string]string{}
	for _, f := range readExcept(except) {
		exc[f[0]] = strings.Join(f[1:], " ")
	}
	selected, agree, excused := 0, 0, 0
	for _, name := range files {
		head, _ := os.ReadFile(name)
		if !bytes.HasPrefix(head, []byte("// errorcheck")) {
			continue
		}
		gds, err := gcErrors(name)
		if err != nil || len(gds) == 0 {
			continue
		}
		selected++
		es, err := expectations(name)
		test := prefix + strings.TrimPrefix(name, *goTestRoot+"/")
		if err != nil {
			fmt.Printf("FAIL %s: %v\n", test, err)
			continue
		}
		okLines := map[int]bool{gds[0].line: true}
		for _, e := range es {
			okLines[e.line] = true
		}
		r := runGomem(gomem, name)
		var why string
		switch {
		case r.status != 1:
			why = "gomem " + r.verdict() + "; gc: " + gds[0].String()
		case len(r.diags) == 0:
			why = "gomem printed no FILE:LINE:COL: error line: " + r.tail
		case !okLines[r.diags[0].line]:
			why = fmt.Sprintf("gomem's first error %s is on no ERROR line; gc: %s", r.diags[0], gds[0])
		}
		if why == "" {
			agree++
			fmt.Printf("ok %s\n", test)
		} else if reason, ok := exc[filepath.Base(name)]; ok {
			excused++
			fmt.Printf("ok %s (explained exception: %s)\n", test, reason)
		} else {
			fmt.Printf("FAIL %s: %s\n", test, why)
		}
	}
	fmt.Printf("  errorcheck files gc's parser rejects: %d; gomem agrees on %d, explained exceptions %d\n", selected, agree, excused)
	return 0
}

type exceptClass struct {
	who    string // goparser-only or gc-only
	rx     *regexp.Regexp
	reason string
	hits   int
}

func mutantsMain(gomem, prefix, except string, files []string) int {
	var classes []*exceptClass
	for _, f := range readExcept(except) {
		if len(f) < 3 || (f[0] != "goparser-only" && f[0] != "gc-only") {
			fmt.Fprintf(os.Stderr, "bad exception line: %v\n", f)
			os.Exit(2)
		}
		classes = append(classes, &exceptClass{f[0], regexp.MustCompile(f[1]), strings.Join(f[2:], " "), 0})
	}
	type tally struct{ n, verdictOK, excused, bothRej, lineGP, lineGC, gcBothRej, sameGC int }
	kinds := map[string]*tally{}
	var order []string
	var bad, lineDiffs, msgDiffs []string
	for _, name := range files {
		kind := "all"
		if parts := strings.SplitN(filepath.Base(name), "_", 3); len(parts) == 3 {
			kind = parts[1]
		}
		t := kinds[kind]
		if t == nil {
			t = &tally{}
			kinds[kind] = t
			order = append(order, kind)
		}
		t.n++
		gp := goParserFirst(name)
		gds, err := gcErrors(name)
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s: gc parser: %v", name, err))
			continue
		}
		gc := diag{}
		if len(gds) > 0 {
			gc = gds[0]
		}
		r := runGomem(gomem, name)
		if r.status != 0 && r.status != 1 {
			bad = append(bad, fmt.Sprintf("%s: gomem %s", name, r.verdict()))
			continue
		}
		gomemRej := r.status == 1
		gpRej, gcRej := gp.line != 0, gc.line != 0
		if gomemRej == gpRej {
			t.verdictOK++
		} else {
			var cls *exceptClass
			for _, c := range classes {
				if c.who == "goparser-only" && gpRej && !gcRej && c.rx.MatchString(gp.msg) ||
					c.who == "gc-only" && gcRej && !gpRej && c.rx.MatchString(gc.msg) {
					cls = c
					break
				}
			}
			if cls != nil {
				cls.hits++
				t.excused++
			} else {
				bad = append(bad, fmt.Sprintf("%s: gomem %s (%s), go/parser %s, gc %s", name, r.verdict(), r.first(), gp, gc))
			}
		}
		if gomemRej && gpRej {
			t.bothRej++
			if r.first().line == gp.line {
				t.lineGP++
			}
		}
		if gomemRej && gcRej {
			t.gcBothRej++
			if r.first() == gc {
				t.sameGC++
			} else if r.first().line == gc.line && len(msgDiffs) < *showLines {
				msgDiffs = append(msgDiffs, fmt.Sprintf("%s: gomem %s, gc %s", name, r.first(), gc))
			}
			if r.first().line == gc.line {
				t.lineGC++
			} else if len(lineDiffs) < *showLines {
				lineDiffs = append(lineDiffs, fmt.Sprintf("%s: gomem %s, gc %s", name, r.first(), gc))
			}
		}
	}
	pct := func(a, b int) string {
		if b == 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
	}
	var all tally
	for _, k := range order {
		t := kinds[k]
		all.n += t.n
		all.verdictOK += t.verdictOK
		all.excused += t.excused
		all.bothRej += t.bothRej
		all.lineGP += t.lineGP
		all.gcBothRej += t.gcBothRej
		all.lineGC += t.lineGC
		all.sameGC += t.sameGC
		status := "ok"
		if t.verdictOK+t.excused != t.n {
			status = "FAIL"
		}
		fmt.Printf("%s %s%s: verdict agrees with go/parser on %d/%d (+%d explained exceptions); first error line same as go/parser %s, as gc %s\n",
			status, prefix, k, t.verdictOK, t.n, t.excused, pct(t.lineGP, t.bothRej), pct(t.lineGC, t.gcBothRej))
	}
	fmt.Printf("  mutants: %d; verdict agreement %s (%d explained); first-error line agreement: go/parser %s (%d/%d), gc %s (%d/%d); first error identical to gc's (line, column, message) %s\n",
		all.n, pct(all.verdictOK, all.n), all.excused, pct(all.lineGP, all.bothRej), all.lineGP, all.bothRej, pct(all.lineGC, all.gcBothRej), all.lineGC, all.gcBothRej, pct(all.sameGC, all.gcBothRej))
	for _, c := range classes {
		if c.hits > 0 {
			fmt.Printf("  explained exception %s /%s/: %d mutants (%s)\n", c.who, c.rx, c.hits, c.reason)
		}
	}
	for _, l := range lineDiffs {
		fmt.Printf("  first error line differs from gc: %s\n", l)
	}
	for _, l := range msgDiffs {
		fmt.Printf("  first error differs from gc on the same line: %s\n", l)
	}
	for i, b := range bad {
		if i == 25 {
			fmt.Printf("  ... and %d more\n", len(bad)-i)
			break
		}
		fmt.Printf("  mismatch: %s\n", b)
	}
	return 0
}
