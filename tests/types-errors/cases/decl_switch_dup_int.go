package main

import (
	"fmt"
	"net/http"
)

func describe(code int) string {
	switch code {
	case http.StatusOK:
		return "ok"
	case http.StatusNotFound:
		return "not found"
	case 200: // fix: case http.StatusCreated:
		return "created"
	}
	return "other"
}

func main() {
	fmt.Println(describe(404))
}
