// Oracle for `gomem goroutines`: parks known numbers of goroutines in leakpkg, then writes
// a goroutine dump in the form asked for:
//
//	goroutines -debug N         runtime/pprof Lookup("goroutine").WriteTo(stdout, N), N = 0, 1, 2
//	goroutines -leak -debug N   the same for the "goroutineleak" profile (GOEXPERIMENT=goroutineleakprofile)
//	goroutines -panic           panics: the traceback goes to stderr (run with GOTRACEBACK=all)
//	goroutines -wait            prints "ready" and blocks, for a SIGQUIT traceback on stderr
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"gomem.test/goroutines/leakpkg"
)

func main() {
	debug := flag.Int("debug", 2, "pprof debug level")
	leak := flag.Bool("leak", false, "write the goroutineleak profile")
	doPanic := flag.Bool("panic", false, "panic after parking the goroutines")
	wait := flag.Bool("wait", false, "print ready and block")
	flag.Parse()
	leakpkg.Start()
	// Wait until every goroutine has parked: 137+7+42+5+3+2+1 plus main.
	for runtime.NumGoroutine() < 198 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	switch {
	case *doPanic:
		panic("oracle: dump requested")
	case *wait:
		fmt.Println("ready")
		select {}
	}
	name := "goroutine"
	if *leak {
		name = "goroutineleak"
	}
	p := pprof.Lookup(name)
	if p == nil {
		fmt.Fprintln(os.Stderr, "no profile", name)
		os.Exit(3)
	}
	if err := p.WriteTo(os.Stdout, *debug); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
