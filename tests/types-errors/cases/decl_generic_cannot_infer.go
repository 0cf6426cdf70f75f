package main

import (
	"encoding/json"
	"fmt"
)

func Decode[T any](data []byte) (T, error) {
	var v T
	err := json.Unmarshal(data, &v)
	return v, err
}

func main() {
	v, err := Decode([]byte(`{"a":1}`)) // fix: v, err := Decode[map[string]int]([]byte(`{"a":1}`))
	fmt.Println(v, err)
}
