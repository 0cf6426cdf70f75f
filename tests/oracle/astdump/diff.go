// The -diff mode of astdump: the differential test of `gomem parse -dump` against go/parser.
//
// Files go to gomem in batches (one process per batch, as many files as -batch); gomem's
// output is split at its "==> FILE" headers and each file's part is compared with this
// program's dump of it, while gomem works on the batch. Nothing is written to disk: the dumps
// of all of std are several hundred megabytes.
package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"strings"
	"time"
)

type mismatch struct {
	file, why string
}

// dumpOne returns the oracle's dump of one file, or ok=false when go/parser rejects it.
func dumpOne(name string) (out []byte, ok bool) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, false
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	(&dumper{w: w, fset: fset}).node("", f, 0)
	w.Flush()
	return b.Bytes(), true
}

// splitDump cuts gomem's output for a batch into per-file parts at the "==> FILE" headers.
func splitDump(out []byte, files []string) map[string][]byte {
	parts := map[string][]byte{}
	if len(files) == 1 {
		parts[files[0]] = out
		return parts
	}
	cur := ""
	start := 0
	flush := func(end int) {
		if cur != "" {
			parts[cur] = out[start:end]
		}
	}
	for i := 0; i < len(out); {
		j := bytes.IndexByte(out[i:], '\n')
		end := len(out)
		if j >= 0 {
			end = i + j + 1
		}
		line := out[i:end]
		if bytes.HasPrefix(line, []byte("==> ")) {
			flush(i)
			cur = strings.TrimRight(string(line[4:]), "\n")
			start = end
		}
		i = end
	}
	flush(len(out))
	return parts
}

// firstDiff describes the first line where got differs from want.
func firstDiff(want, got []byte) string {
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var a, b string
		if i < len(wl) {
			a = wl[i]
		} else {
			a = "<end>"
		}
		if i < len(gl) {
			b = gl[i]
		} else {
			b = "<end>"
		}
		if a != b {
			ctx := ""
			if i > 0 {
				ctx = fmt.Sprintf("\n      after: %s", wl[i-1])
			}
			return fmt.Sprintf("dump line %d%s\n      want:  %s\n      got:   %s", i+1, ctx, a, b)
		}
	}
	return "identical"
}

func stderrFor(stderr []byte, file string) string {
	var lines []string
	for _, l := range strings.Split(string(stderr), "\n") {
		if strings.HasPrefix(l, file+":") {
			lines = append(lines, l)
			if len(lines) == 3 {
				break
			}
		}
	}
	return strings.Join(lines, "\n      ")
}

func diffMain(gomem string, files []string) int {
	total, same, oracleBad := 0, 0, 0
	var bad []mismatch
	n := *batchSize
	if n < 1 {
		n = 1
	}
	for lo := 0; lo < len(files); lo += n {
		hi := min(lo+n, len(files))
		batch := files[lo:hi]
		ctx, cancel := context.WithTimeout(context.Background(), time.Duration(*timeoutSec)*time.Second)
		cmd := exec.CommandContext(ctx, gomem, append([]string{"parse", "-dump"}, batch...)...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		startErr := cmd.Start()
		want := make([][]byte, len(batch))
		okv := make([]bool, len(batch))
		for i, f := range batch {
			want[i], okv[i] = dumpOne(f)
		}
		var runErr error = startErr
		if startErr == nil {
			runErr = cmd.Wait()
		}
		cancel()
		crashed := ""
		sanitizer := bytes.Contains(stderr.Bytes(), []byte("runtime error:")) || bytes.Contains(stderr.Bytes(), []byte("Sanitizer"))
		if runErr != nil || sanitizer {
			if ee, ok := runErr.(*exec.ExitError); !ok || ee.ExitCode() != 1 || sanitizer {
				tail := stderr.String()
				// A sanitizer's report: its first line says what went wrong.
				for _, key := range []string{"runtime error:", "ERROR: AddressSanitizer", "ERROR: LeakSanitizer"} {
					if i := strings.Index(tail, key); i >= 0 {
						j := strings.IndexByte(tail[i:], '\n')
						if j < 0 {
							j = len(tail) - i
						}
						tail = tail[max(0, strings.LastIndexByte(tail[:i], '\n')+1) : i+j]
						break
					}
				}
				if len(tail) > 600 {
					tail = tail[len(tail)-600:]
				}
				crashed = fmt.Sprintf("gomem parse -dump on a batch of %d files: %v\n      %s", len(batch), runErr, strings.ReplaceAll(strings.TrimSpace(tail), "\n", "\n      "))
			}
		}
		parts := splitDump(stdout.Bytes(), batch)
		for i, f := range batch {
			if !okv[i] {
				oracleBad++
				continue
			}
			total++
			got, present := parts[f]
			switch {
			case present && bytes.Equal(got, want[i]):
				same++
			case crashed != "":
				bad = append(bad, mismatch{f, crashed})
			case !present:
				bad = append(bad, mismatch{f, "no output for this file"})
			case len(got) == 0:
				bad = append(bad, mismatch{f, "empty dump; gomem said:\n      " + stderrFor(stderr.Bytes(), f)})
			default:
				bad = append(bad, mismatch{f, firstDiff(want[i], got)})
			}
		}
	}
	pct := 0.0
	if total > 0 {
		pct = 100 * float64(same) / float64(total)
	}
	fmt.Printf("agreement: %d/%d files identical (%.2f%%)", same, total, pct)
	if oracleBad > 0 {
		fmt.Printf(", %d files go/parser rejects not compared", oracleBad)
	}
	fmt.Println()
	for i, m := range bad {
		if i == *showMax {
			fmt.Printf("... and %d more\n", len(bad)-i)
			break
		}
		fmt.Printf("  %s: %s\n", m.file, m.why)
	}
	if len(bad) > 0 || total == 0 {
		return 1
	}
	return 0
}
