// Corpus for the type representation differential test (tests/types/run.sh): every
// declaration is on one line; gomem's side (tests/unit/types_corpus_test.c) parses this
// restricted syntax and builds the same types through the src/types API. Lines ending in
// "// nosize" involve stand-ins for imported packages whose sizes gomem's side does not model.
package p

import (
	"io"
	"net/http"
	"sync/atomic"
	"unsafe"
)

type I int
type S struct{ a int; B string }
type E struct{}
type P *S
type Str string
type T1 struct{ x int8; y int64; z int8 }
type T2 struct{ a int32; e struct{} }
type T3 struct{ e struct{}; a int32 }
type T4 struct{ a int64; b [0]int64 }
type T5 struct{ c complex64; b bool }
type T6 struct{ c complex128; b byte }
type T7 struct{ s S; p *S; sl []S; m map[string]S; ch chan S; f func(); i interface{}; u unsafe.Pointer }
type T8 [3]struct{ a int16; b int8 }
type T9 struct{ a [0]int; b bool; c [2]complex64 }
type T10 struct{ E; *S; I }
type T11 struct{ a atomic.Int64; b int32 }
type T12 struct{ b bool; a atomic.Int32 }
type T13 struct{ a, b int "tag"; c string `json:"c,omitempty"` }
type T14 [1 << 20]struct{}
type T15 struct{ a [4]E; b E }
type Rd interface{ Read(p []byte) (n int, err error) }
type RW interface{ Rd; Write([]byte) (int, error) }
type Num interface{ ~int | ~int64 | float64 }
type Cmp interface{ comparable; M() }
type Any interface{}
type Iface interface{ M(); N(x int) string }
type Fn func(x int, y ...string) (int, error)
type Fn2 func(int, string) bool
type Fn3 func(a, b int) (c int)
type Fn4 func(...interface{})
type Ch <-chan <-chan int
type Ch2 chan (<-chan int)
type Ch3 chan<- chan int
type M map[string][]io.Reader
type List[T any] struct{ next *List[T]; val T }
type Pair[K comparable, V any] struct{ k K; v V }
type Same[A, B any] struct{ a A; b B }
type NumBox[T Num] struct{ v T }
type A1 = *http.Request // nosize
type A2 = map[string][]io.Reader
type A3 = func(x int, y ...string) (int, error)
type A4 = struct{ a int "tag"; S }
type A5 = interface{ M(); ~int | string }
type A6 = chan<- int
type A7 = <-chan <-chan int
type A8 = []interface{}
type A9 = []any
type A10 = List[int]
type A11 = Pair[string, List[S]]
type A12 = [4][2]uint16
type A13 = *[]map[Str]chan<- func() error
type A14 = struct{}
type A15 = interface{ comparable }
type A16 = A2
type A17 = rune
type A18 = byte
type A19 = []byte
type A20 = struct{ io.Reader; *S; a, b float32 }
type A21 = func() (int, string)
type A22 = func(f func(int) int) func(int) int
type A23 = [2]complex128
type A24 = map[[2]int]struct{ x, y int }
type A25 = unsafe.Pointer
type A26 = uintptr
type A27 = interface{ io.Reader; io.Writer }
type A28 = Same[int, string]
type A29 = NumBox[int64]
type A30 = error
type A31 = struct{ _ int; _ string }
type A32 = func(_ int, b string)
type A33 = struct{ a bool; b int16; c bool; d int64; e bool }
type A34 = [3]string
type A35 = struct{ s []int; t string; u interface{ M() } }
func G[T any, U comparable](x T, y []U) T { return x }
func G2[T, U any](x T) {}
func G3[S ~[]E, E any](s S, e E) S { return s }
func F(a int, b ...int) {}
func F2() (x, y int) { return }
func F3(...string) {}
type S2 struct{ n int }
type Amb struct{ S; S2 }
type Deep struct{ Amb; *E }
type PI *I
type Named2 I
type IfEmb interface{ Iface; Rd }
func (S) Val() {}
func (*S) Ptr() {}
func (E) EV() {}
func (*E) EP() {}
func (S2) Val() {}
func (S2) Other() {}
func (I) Get() int { return 0 }
type CI chan int
type RCI <-chan int
type A36 = chan int
type A37 = <-chan int
type A60 = chan<- int
type Impl struct{ n int }
func (Impl) M() {}
func (Impl) N(x int) string { return "" }
func (*Impl) Read(p []byte) (n int, err error) { return }
type PImpl = *Impl
type ByteSl []byte
type RuneSl []rune
type A38 = List[int]
type A39 = List[int]
type A40 = [4]int
type A41 = *[4]int
type A42 = []int
type Fl float64
type A43 = struct{ a int `json:"a"` }
type A44 = struct{ a int }
type A45 = interface{ M(); N(x int) string }
type A46 = interface{ N(y int) string; M() }
type A47 = func(a int) string
type A48 = func(b int) string
type NumI interface{ ~int | ~int8 }
type A49 = interface{ ~int }
type A61 = interface{ int }
type A62 = interface{ ~int; comparable }
type A63 = interface{ ~[]int | ~[]string }
type A64 = interface{ int | string; M() }
type U8 uint8
type A51 = *int
type A52 = uintptr
type A53 = string
type A54 = int
type A55 = int64
type A56 = map[string]int
type A57 = func()
type A58 = Pair[int, string]
type A59 = Pair[int, string]
type A65 = Pair[string, int]
type A66 = *Impl
type A67 = struct{ Impl }
type A68 = struct{ *Impl }
type A69 = [2]any
type A70 = struct{ f func() }
type A71 = [0]func()
type A72 = float32
type A73 = complex64
type A74 = []Fl
type A75 = interface{ Read([]byte) (int, error) }
type A76 = interface{ Rd; M() }
type A77 = interface{ comparable; Iface }
func (l *List[T]) Push(v T) {}
func (l List[T]) Head() T { return l.val }
func (p Pair[K, V]) Key() K { return p.k }
func (p *Pair[K, V]) Set(k K, v V) (K, V) { return k, v }
type A78 = List[string]
type A79 = struct{ List[Str]; *Pair[int, bool] }
type A80 = *List[A44]
type Wrap struct{ Pair[I, []byte] }
type C2[T any] interface{ ~[]T }
type A81 = C2[int]
type Setter[T any] interface{ Set(T); *T }
type A82 = Setter[int]
type A83 = interface{ ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr }
type A84 = interface{ ~float32 | ~float64 | ~string }
type A85 = interface{ NumI; A49 }
type A86 = interface{ A83; A84 }
type A87 = interface{ fmt() }
type A88 = struct{ x, y, z byte; w uint16 }
type A89 = struct{ b bool; s struct{ c complex128 } }
type A90 = [3][0]int64
type A91 = struct{ a [3][0]int64 }
type A92 = struct{ a int8; b [0]int64 }
type A93 = func(a, b, c []int, d ...map[string]int) (r1, r2 chan<- int)
type A94 = map[A40]A42
type A95 = chan struct{}
type A96 = interface{ M(); N(x int) string; comparable }
type A97 = interface{ int8 | int16; ~int8 }
type A98 = Pair[A44, A43]
type A99 = Pair[A43, A44]
type Impl2 struct{ Impl; extra int }
type Impl3 struct{ *Impl }
type Rec struct{ next *Rec; Impl }
type GA[T any] = List[T]
type GA2[K comparable, V any] = map[K][]V
type A100 = GA[int]
type A101 = GA2[string, Impl]
type A102 = struct{ g GA2[int, GA[bool]] }
type Node interface{ Children() []Node; Parent() Node }
type Tree struct{ root Node; Impl }
type AliasImpl = Impl
type A103 = struct{ AliasImpl; x int }
type A104 = struct{ *AliasImpl }
type Cyc1 struct{ next *Cyc2 }
type Cyc2 struct{ prev *Cyc1; Cyc1 }
type FnRec func(FnRec) FnRec
type MapRec map[string]MapRec
type SlRec []SlRec
