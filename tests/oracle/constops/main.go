// Command constops is the oracle for gomem's constants (src/types/const.c): it evaluates
// each line of a file as a little stack program over go/constant values and prints the
// value left on top, one line per input line:
//
//	String() <TAB> ExactString() <TAB> Kind <TAB> Float64Val (%g, exact)
//
// Tokens (separated by spaces):
//
//	i:LIT f:LIT j:LIT c:LIT s:LIT   push MakeFromLiteral(LIT, INT/FLOAT/IMAG/CHAR/STRING)
//	b:true b:false u64:N f64:X      push MakeBool / MakeUint64 / MakeFloat64(ParseFloat(X))
//	+ - * / /= % & | ^ &^ && ||     BinaryOp (/= is integer division, token.QUO_ASSIGN)
//	neg pos not compl compl:N       UnaryOp - + ! ^ (compl:N: ^ with prec N)
//	<<:N >>:N                       Shift
//	== != < <= > >=                 Compare (pushes a bool)
//	toint tofloat tocomplex real imag mkimag   conversions
//	repr:TYPE                       go/types representableConst with rounding: pushes the
//	                                rounded value, or the string "notrepr"
//	int64 uint64                    pushes Int64Val/Uint64Val as an int and a bool
//
// A division by zero or an invalid operation prints "error".
package main

import (
	"bufio"
	"fmt"
	"go/constant"
	"go/token"
	"math"
	"os"
	"strconv"
	"strings"
)

var ops = map[string]token.Token{
	"+": token.ADD, "-": token.SUB, "*": token.MUL, "/": token.QUO, "/=": token.QUO_ASSIGN,
	"%": token.REM, "&": token.AND, "|": token.OR, "^": token.XOR, "&^": token.AND_NOT,
	"&&": token.LAND, "||": token.LOR,
	"==": token.EQL, "!=": token.NEQ, "<": token.LSS, "<=": token.LEQ, ">": token.GTR, ">=": token.GEQ,
}

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fmt.Println(eval(line))
	}
}

func eval(line string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = "error"
		}
	}()
	var st []constant.Value
	pop := func() constant.Value { v := st[len(st)-1]; st = st[:len(st)-1]; return v }
	for _, tok := range strings.Fields(line) {
		arg := ""
		if i := strings.IndexByte(tok, ':'); i > 0 && tok != ":" {
			tok, arg = tok[:i], tok[i+1:]
		}
		switch tok {
		case "i", "f", "j", "c", "s":
			k := map[string]token.Token{"i": token.INT, "f": token.FLOAT, "j": token.IMAG, "c": token.CHAR, "s": token.STRING}[tok]
			st = append(st, constant.MakeFromLiteral(arg, k, 0))
		case "b":
			st = append(st, constant.MakeBool(arg == "true"))
		case "u64":
			u, _ := strconv.ParseUint(arg, 10, 64)
			st = append(st, constant.MakeUint64(u))
		case "f64":
			x, _ := strconv.ParseFloat(arg, 64)
			st = append(st, constant.MakeFloat64(x))
		case "neg", "pos", "not", "compl":
			t := map[string]token.Token{"neg": token.SUB, "pos": token.ADD, "not": token.NOT, "compl": token.XOR}[tok]
			prec, _ := strconv.Atoi(arg)
			st = append(st, constant.UnaryOp(t, pop(), uint(prec)))
		case "<<", ">>":
			n, _ := strconv.Atoi(arg)
			t := token.SHL
			if tok == ">>" {
				t = token.SHR
			}
			st = append(st, constant.Shift(pop(), t, uint(n)))
		case "toint":
			st = append(st, constant.ToInt(pop()))
		case "tofloat":
			st = append(st, constant.ToFloat(pop()))
		case "tocomplex":
			st = append(st, constant.ToComplex(pop()))
		case "real":
			st = append(st, constant.Real(pop()))
		case "imag":
			st = append(st, constant.Imag(pop()))
		case "mkimag":
			st = append(st, constant.MakeImag(pop()))
		case "repr":
			var r constant.Value
			if representable(pop(), arg, &r) {
				st = append(st, r)
			} else {
				st = append(st, constant.MakeString("notrepr"))
			}
		case "int64":
			v, ok := constant.Int64Val(pop())
			st = append(st, constant.MakeInt64(v), constant.MakeBool(ok))
		case "uint64":
			v, ok := constant.Uint64Val(pop())
			st = append(st, constant.MakeUint64(v), constant.MakeBool(ok))
		default:
			t, ok := ops[tok]
			if !ok {
				return "bad token " + tok
			}
			y := pop()
			x := pop()
			switch t {
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
				st = append(st, constant.MakeBool(constant.Compare(x, t, y)))
			default:
				if (t == token.QUO || t == token.QUO_ASSIGN || t == token.REM) && y.Kind() != constant.Unknown && constant.Sign(y) == 0 {
					return "error"
				}
				st = append(st, constant.BinaryOp(x, t, y))
			}
		}
	}
	v := st[len(st)-1]
	f, exact := 0.0, false
	if v.Kind() == constant.Int || v.Kind() == constant.Float {
		f, exact = constant.Float64Val(v)
	}
	return fmt.Sprintf("%s\t%s\t%s\t%g %v", v.String(), v.ExactString(), v.Kind(), f, exact)
}

// representable is go/types' representableConst (const.go) for gc/amd64 sizes.
func representable(x constant.Value, typ string, rounded *constant.Value) bool {
	if x.Kind() == constant.Unknown {
		return true
	}
	switch typ {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "untyped_int":
		x := constant.ToInt(x)
		if x.Kind() != constant.Int {
			return false
		}
		*rounded = x
		if x, ok := constant.Int64Val(x); ok {
			switch typ {
			case "int", "int64", "untyped_int":
				return true
			case "int8":
				return -1<<7 <= x && x <= 1<<7-1
			case "int16":
				return -1<<15 <= x && x <= 1<<15-1
			case "int32":
				return -1<<31 <= x && x <= 1<<31-1
			case "uint", "uintptr", "uint64":
				return 0 <= x
			case "uint8":
				return 0 <= x && x <= 1<<8-1
			case "uint16":
				return 0 <= x && x <= 1<<16-1
			case "uint32":
				return 0 <= x && x <= 1<<32-1
			}
		}
		switch n := constant.BitLen(x); typ {
		case "uint", "uintptr", "uint64":
			return constant.Sign(x) >= 0 && n <= 64
		case "untyped_int":
			return true
		}
	case "float32", "float64", "untyped_float":
		x := constant.ToFloat(x)
		if x.Kind() != constant.Float {
			return false
		}
		switch typ {
		case "float32":
			if r := roundFloat32(x); r != nil {
				*rounded = r
				return true
			}
		case "float64":
			if r := roundFloat64(x); r != nil {
				*rounded = r
				return true
			}
		case "untyped_float":
			*rounded = x
			return true
		}
	case "complex64", "complex128", "untyped_complex":
		x := constant.ToComplex(x)
		if x.Kind() != constant.Complex {
			return false
		}
		switch typ {
		case "complex64":
			re, im := roundFloat32(constant.Real(x)), roundFloat32(constant.Imag(x))
			if re != nil && im != nil {
				*rounded = constant.BinaryOp(re, token.ADD, constant.MakeImag(im))
				return true
			}
		case "complex128":
			re, im := roundFloat64(constant.Real(x)), roundFloat64(constant.Imag(x))
			if re != nil && im != nil {
				*rounded = constant.BinaryOp(re, token.ADD, constant.MakeImag(im))
				return true
			}
		case "untyped_complex":
			*rounded = x
			return true
		}
	case "string":
		*rounded = x
		return x.Kind() == constant.String
	case "bool":
		*rounded = x
		return x.Kind() == constant.Bool
	}
	return false
}

func roundFloat32(x constant.Value) constant.Value {
	f32, _ := constant.Float32Val(x)
	f := float64(f32)
	if !math.IsInf(f, 0) {
		return constant.MakeFloat64(f)
	}
	return nil
}

func roundFloat64(x constant.Value) constant.Value {
	f, _ := constant.Float64Val(x)
	if !math.IsInf(f, 0) {
		return constant.MakeFloat64(f)
	}
	return nil
}
