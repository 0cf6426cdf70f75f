package p

var (
	a = 1 + 2*3 - 4/5%6<<7>>8&9|10^11&^12
	b = !true && false || 1 < 2 && 3 <= 4 || 5 > 6 || 7 >= 8 || 9 == 10 || 11 != 12
	c = -x + +y + ^z + *p + &q
	d = <-ch
	e = x.(int)
	f = s[1:], s[:2], s[1:2], s[:], s[1:2:3], s[:2:3]
	g = m["k"]
	h = T{1, 2}
	i = T{a: 1, b: 2,}
	j = []int{1, 2, 3}
	k = [...]string{"a", "b"}
	l = map[string][]int{"a": {1}, "b": {2, 3}}
	n = struct{ x, y int }{1, 2}
	o = func(x int) int { return x }(1)
	q = (*T)(nil)
	r = []func() int{func() int { return 1 }}
	s = f(a, b...)
	t = f[int](1)
	u = f[int, string](1, "")
	v = T[int]{}
	w = pkg.T[int, string]{}
	y = 'a' + '\n' + '\x00' + '\u00e9' + '\U0001F600' + 'ä' + '\''
	z = "a\tb\"c\\" + `raw
string` + "é" + "\xff"
	aa = 0x1p-2 + 0X1P+2 + 1e3 + 1E-3 + .5 + 1. + 0.5e+10 + 1_000_000 + 0b1010 + 0B1 + 0o17 + 0O17 + 017 + 0x_FF + 1i + 0.5i + 0x1p2i
	bb = (((x)))
	cc = T.m
	dd = (*T).m
	ee = a.b.c.d()
	ff = [][]int{{1}, {2}}
	gg = map[[2]int]struct{}{{1, 2}: {}}
	hh = interface{ M() }(nil)
	ii = chan int(nil)
	jj = func(int, ...string) {}
)
