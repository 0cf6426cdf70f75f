package main

import (
	"fmt"
	"net/http"
)

func main() {
	var h http.HandlerFunc = func(w http.ResponseWriter) { // fix: var h http.HandlerFunc = func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	}
	http.Handle("/", h)
}
