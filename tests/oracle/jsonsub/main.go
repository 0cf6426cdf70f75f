// Command jsonsub checks that a stream of JSON objects (gomem list -json) is a field-wise
// subset of another (go list -json): same number of objects, and every field the first has
// equal to the second's. It prints "ok N objects, M fields" or the first differences.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
)

func read(path string) []map[string]any {
	f, err := os.Open(path)
	if err != nil {
		fmt.Println(err)
		os.Exit(2)
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	var out []map[string]any
	for {
		var m map[string]any
		if err := dec.Decode(&m); err == io.EOF {
			return out
		} else if err != nil {
			fmt.Printf("%s: %v\n", path, err)
			os.Exit(1)
		}
		out = append(out, m)
	}
}

// sub reports whether every field of a is in b with the same value (recursively for objects).
func sub(a, b any) bool {
	am, ok1 := a.(map[string]any)
	bm, ok2 := b.(map[string]any)
	if ok1 && ok2 {
		for k, v := range am {
			if !sub(v, bm[k]) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

func main() {
	a, b := read(os.Args[1]), read(os.Args[2])
	if len(a) != len(b) {
		fmt.Printf("%d objects, want %d\n", len(a), len(b))
		os.Exit(1)
	}
	fields, bad := 0, 0
	for i := range a {
		for k, v := range a[i] {
			fields++
			if !sub(v, b[i][k]) {
				bad++
				if bad <= 5 {
					fmt.Printf("%v: %s = %v, want %v\n", a[i]["ImportPath"], k, v, b[i][k])
				}
			}
		}
	}
	if bad > 0 {
		os.Exit(1)
	}
	fmt.Printf("ok %d objects, %d fields\n", len(a), fields)
}
