package main

func sign(x int) int {
	if x < 0 {
		return -1
	} else if x > 0 {
		return 1
	}
} // fix: return 0; }

func main() { _ = sign(2) }
