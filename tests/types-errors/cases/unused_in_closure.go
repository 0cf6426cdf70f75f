package main

func main() {
	f := func() {
		v := 2 // fix: v := 2; _ = v
	}
	f()
}
