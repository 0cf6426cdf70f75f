package main

import (
	"fmt"
	"io"
	"strings"
)

type upper struct{ r io.Reader }

func (u upper) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	copy(p, strings.ToUpper(string(p[:n])))
	return n, err
}

func wrap(r io.Reader) io.ReadCloser {
	return upper{r} // fix: return io.NopCloser(upper{r})
}

func main() {
	b, _ := io.ReadAll(wrap(strings.NewReader("hi")))
	fmt.Println(string(b))
}
