package p

func f(ch chan<- int, rc <-chan <-chan int, xs ...int) (err error) {
L:
	for i := range 10 {
		for range xs {
			continue L
		}
		for k, v := range m {
			_, _ = k, v
		}
		for x = range seq {
			break L
		}
		if i == 3 { goto M }
	}
M:
	for i := 0; i < 10; i++ {
		switch x := y.(type) {
		case nil, int:
		case interface{ M() }:
			fallthrough
		default:
		}
	}
	switch {
	case a > b:
	}
	switch x := f(); x {
	}
	select {
	case v, ok := <-rc:
		_ = v
	case ch <- 1:
	case <-rc:
	default:
	}
	if x := (T{}); x == (T{}) {
	} else if y {
	} else {
	}
	for _, x := range []T{{1}, {2}} {
		defer func() { recover() }()
		go g(x)
	}
	x++
	y -= 2
	a, b = b, a
	var (
		u, v int = 1, 2
		w        = "s"
	)
	const c = iota
	type local struct{ a, b int }
	{
	}
	;
	return
}
