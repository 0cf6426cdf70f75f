package main

import "fmt"

func main() {
	days := [3]string{"mon", "tue", "wed", "thu"} // fix: days := [4]string{"mon", "tue", "wed", "thu"}
	fmt.Println(days)
}
