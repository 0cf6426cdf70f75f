package main

import "fmt"

type Rect struct{ W, H float64 }

func scale(r Rect, factor float64, r Rect) Rect { // fix: func scale(r Rect, factor float64) Rect {
	return Rect{r.W * factor, r.H * factor}
}

func main() {
	fmt.Println(scale(Rect{2, 3}, 1.5))
}
