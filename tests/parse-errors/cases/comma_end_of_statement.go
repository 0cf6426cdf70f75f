package p

func f() {
	go g(), // ERROR "unexpected comma at end of statement"
}
