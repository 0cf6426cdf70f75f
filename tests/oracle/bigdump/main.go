// bigdump replicates the goroutine blocks of a real debug=2 dump into a dump of n goroutines,
// renumbering their ids, for memory and speed checks of `gomem goroutines` at scales a real
// program would need gigabytes of stacks to reach.
//
//	bigdump -n 1000000 < real-debug2.txt > big.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	n := flag.Int("n", 1000000, "goroutines to write")
	flag.Parse()
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var blocks []string // each without its "goroutine N" prefix: " [state]:\n frames..."
	for _, b := range strings.Split(string(data), "\n\n") {
		b = strings.TrimRight(b, "\n")
		if !strings.HasPrefix(b, "goroutine ") {
			continue
		}
		sp := strings.IndexByte(b[len("goroutine "):], ' ')
		if sp < 0 {
			continue
		}
		blocks = append(blocks, b[len("goroutine ")+sp:])
	}
	if len(blocks) == 0 {
		fmt.Fprintln(os.Stderr, "bigdump: no goroutine blocks in the input")
		os.Exit(1)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	for i := 0; i < *n; i++ {
		if i > 0 {
			w.WriteString("\n")
		}
		fmt.Fprintf(w, "goroutine %d%s\n", i+1, blocks[i%len(blocks)])
	}
	w.Flush()
}
