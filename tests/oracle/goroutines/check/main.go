// Checks `gomem goroutines -json` output against what the oracle program (../main.go with
// ../leakpkg) is known to have parked: the counts are the program's, the file:line of each
// blocking call and go statement come from the "// BLOCK name" and "// GO name" markers in
// leakpkg/leak.go, and the wait states are the Go runtime's wait reasons.
//
//	check -src leakpkg/leak.go -form debug=2|debug=1|debug=0 [-go119] [-leak] [-mincount N] OUT.json
//
// Prints one "FAIL: why" line per mismatch and exits 1 when there is any.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
)

type frame struct {
	Function string  `json:"function"`
	File     *string `json:"file"`
	Line     int     `json:"line"`
}

type bucket struct {
	Count     int     `json:"count"`
	State     *string `json:"state"`
	Leaked    bool    `json:"leaked"`
	Suspect   bool    `json:"suspect"`
	Why       *string `json:"why"`
	Stack     []frame `json:"stack"`
	CreatedBy *frame  `json:"created_by"`
}

type report struct {
	Total   int      `json:"total"`
	Form    string   `json:"form"`
	Buckets []bucket `json:"buckets"`
}

type expect struct {
	name     string
	count    int
	state    string // the runtime's wait reason (debug=2, and inferred from the stack for debug=0)
	state1   string // what debug=1 lets one infer (runtime frames hidden)
	blocking bool
}

const pkg = "gomem.test/goroutines/leakpkg."

func main() {
	src := flag.String("src", "leakpkg/leak.go", "the leak package source, for the markers")
	form := flag.String("form", "debug=2", "the dump's form")
	go119 := flag.Bool("go119", false, "the dump was written by Go 1.19")
	leak := flag.Bool("leak", false, "the goroutineleak profile (only leakSelect's goroutines leak)")
	minCount := flag.Int("mincount", 10, "the -min-count gomem ran with")
	system := flag.Bool("system", false, "the dump shows the runtime's own goroutines too (SIGQUIT, GOTRACEBACK=system)")
	flag.Parse()
	var fails []string
	fail := func(f string, a ...any) { fails = append(fails, fmt.Sprintf(f, a...)) }

	block, gostmt := markers(*src)
	exps := []expect{
		{"leakRecv", 137, "chan receive", "waiting", true},
		{"leakSelect", 42, "select", "waiting", true},
		{"leakSend", 7, "chan send", "waiting", true},
		{"leakMutex", 5, "sync.Mutex.Lock", "sync.Mutex.Lock", true},
		{"leakWait", 3, "sync.WaitGroup.Wait", "sync.WaitGroup.Wait", true},
		{"leakCond", 2, "sync.Cond.Wait", "sync.Cond.Wait", true},
		{"sleeper", 1, "sleep", "sleep", false},
	}
	if *go119 && *form == "debug=2" {
		exps[3].state, exps[4].state = "semacquire", "semacquire" // the wait reason before Go 1.20
	}
	if *leak && *form != "debug=2" {
		exps = exps[1:2] // the goroutineleak profile lists only the leaked goroutines
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Println("FAIL:", err)
		os.Exit(1)
	}
	var r report
	if err := json.Unmarshal(data, &r); err != nil {
		fmt.Println("FAIL: bad JSON:", err)
		os.Exit(1)
	}
	want := 1 // main
	for _, e := range exps {
		want += e.count
	}
	if *leak && *form != "debug=2" {
		want = 42
	}
	got := r.Total
	if *system {
		// goroutine 0 and the runtime's own goroutines: stacks of runtime frames only
		for _, b := range r.Buckets {
			own := true
			for _, f := range b.Stack {
				if !strings.HasPrefix(f.Function, "runtime.") && !strings.HasPrefix(f.Function, "internal/") {
					own = false
				}
			}
			if own {
				got -= b.Count
			}
		}
	}
	if got != want {
		fail("total %d (%d without the runtime's own), want %d", r.Total, got, want)
	}
	if r.Form != *form {
		fail("form %q, want %q", r.Form, *form)
	}
	for _, e := range exps {
		var found []bucket
		var fr frame
		for _, b := range r.Buckets {
			for _, f := range b.Stack {
				if f.Function == pkg+e.name {
					found = append(found, b)
					fr = f
					break
				}
			}
		}
		if len(found) != 1 {
			fail("%s: %d buckets hold it, want 1", e.name, len(found))
			continue
		}
		b := found[0]
		if b.Count != e.count {
			fail("%s: count %d, want %d", e.name, b.Count, e.count)
		}
		if fr.File == nil || !strings.HasSuffix(*fr.File, "leakpkg/leak.go") || fr.Line != block[e.name] {
			fail("%s: frame at %v:%d, want leakpkg/leak.go:%d", e.name, str(fr.File), fr.Line, block[e.name])
		}
		wantState := e.state
		if *form == "debug=1" {
			wantState = e.state1
		}
		if b.State == nil || *b.State != wantState {
			fail("%s: state %q, want %q", e.name, str(b.State), wantState)
		}
		if *form == "debug=2" {
			c := b.CreatedBy
			if c == nil || c.Function != pkg+"Start" || c.Line != gostmt[e.name] || c.File == nil ||
				!strings.HasSuffix(*c.File, "leakpkg/leak.go") {
				fail("%s: created by %+v, want %sStart at leak.go:%d", e.name, c, pkg, gostmt[e.name])
			}
		} else if b.CreatedBy != nil {
			fail("%s: created_by %+v, but the %s form does not carry it", e.name, *b.CreatedBy, *form)
		}
		wantLeaked := *leak && e.name == "leakSelect"
		if b.Leaked != wantLeaked {
			fail("%s: leaked %v, want %v", e.name, b.Leaked, wantLeaked)
		}
		wantSuspect := wantLeaked || (e.blocking && e.count >= *minCount)
		if b.Suspect != wantSuspect {
			fail("%s: suspect %v, want %v (why: %s)", e.name, b.Suspect, wantSuspect, str(b.Why))
		}
		if b.Suspect && (b.Why == nil || *b.Why == "") {
			fail("%s: suspect without an explanation", e.name)
		}
	}
	// nothing else may be flagged: main and the runtime's goroutines are not leaks
	for _, b := range r.Buckets {
		if b.Suspect && !strings.Contains(fmt.Sprint(b.Stack), pkg) {
			fail("unexpected suspect bucket: %d goroutines at %v", b.Count, b.Stack)
		}
	}
	for _, f := range fails {
		fmt.Println("FAIL:", f)
	}
	if len(fails) > 0 {
		os.Exit(1)
	}
}

func str(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// markers returns the line of each "// BLOCK name" and "// GO name" comment.
func markers(path string) (block, gostmt map[string]int) {
	block, gostmt = map[string]int{}, map[string]int{}
	f, err := os.Open(path)
	if err != nil {
		fmt.Println("FAIL:", err)
		os.Exit(1)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, "// BLOCK "); i >= 0 {
			block[strings.TrimSpace(line[i+9:])] = n
		}
		if i := strings.Index(line, "// GO "); i >= 0 {
			gostmt[strings.TrimSpace(line[i+6:])] = n
		}
	}
	return block, gostmt
}
