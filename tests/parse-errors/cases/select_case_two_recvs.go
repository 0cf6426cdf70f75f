package p

func f(c, d chan int) {
	select {
	case <-c, <-d: // ERROR "unexpected :, expected := or = or comma"
	}
}
