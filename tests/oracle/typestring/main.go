// Command typestring is the oracle for gomem's type representation: it type-checks a Go
// file with go/types (package path example.com/p, imports from source) and prints, for each
// package-level type and function in declaration order:
//
//	NAME <TAB> TypeString(obj.Type()) <TAB> TypeString(actual) <TAB> size <TAB> align <TAB> offsets
//
// where actual is Unalias(T) for aliases, the underlying type for defined types, and the
// signature for functions; size/align/offsets come from types.SizesFor("gc", "amd64") ("-"
// when not applicable: generic types, functions). Method sets of defined types follow as
// extra lines "NAME.mset <TAB> T|*T <TAB> m1:TYPE m2:TYPE ..." (non-generic types).
//
// Then "obj <TAB> NAME <TAB> ObjectString" for every declaration (methods included), and
// predicates over every ordered pair of non-generic types declared without a
// "// nosize" mark: "pair <TAB> X <TAB> Y <TAB> bits" where bits are Identical,
// IdenticalIgnoreTags, AssignableTo, ConvertibleTo, Implements and Satisfies (the last two
// "-" unless Y is an interface) as 1/0; and "cmp <TAB> X <TAB> Comparable(X)".
//
// With -gen FILE.go OUT.go it writes a program (the corpus as package main plus a main) that
// prints, for every non-generic type usable as a type, the runtime's view of it:
// "ptr <TAB> NAME <TAB> size <TAB> align <TAB> ptrdata" (ptrdata is abi.Type.PtrBytes, what gc
// computed), the reference for gomem's types_ptrdata.
package main

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"strings"
)

func main() {
	if len(os.Args) == 4 && os.Args[1] == "-gen" {
		gen(os.Args[2], os.Args[3])
		return
	}
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: typestring FILE.go | typestring -gen FILE.go OUT.go")
		os.Exit(2)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, os.Args[1], nil, parser.SkipObjectResolution)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	pkg, err := conf.Check("example.com/p", fset, []*ast.File{f}, info)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sizes := types.SizesFor("gc", "amd64")
	var pairTypes []types.Type
	var pairNames []string
	for _, d := range f.Decls {
		var names []string
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					names = append(names, ts.Name.Name)
				}
			}
		case *ast.FuncDecl:
			if d.Recv == nil {
				names = append(names, d.Name.Name)
			}
		}
		for _, name := range names {
			obj := pkg.Scope().Lookup(name)
			t := obj.Type()
			var actual types.Type
			generic := false
			switch obj.(type) {
			case *types.TypeName:
				if a, ok := t.(*types.Alias); ok {
					actual = types.Unalias(a)
					generic = a.TypeParams().Len() > 0
				} else {
					actual = t.Underlying()
					if n, ok := t.(*types.Named); ok {
						generic = n.TypeParams().Len() > 0
					}
				}
			case *types.Func:
				actual = t
				generic = true
			}
			size, align, offs := "-", "-", "-"
			if !generic && !hasTypeParam(actual) {
				size = fmt.Sprint(sizes.Sizeof(t))
				align = fmt.Sprint(sizes.Alignof(t))
				if st, ok := actual.Underlying().(*types.Struct); ok && st.NumFields() > 0 {
					var fs []*types.Var
					for i := 0; i < st.NumFields(); i++ {
						fs = append(fs, st.Field(i))
					}
					var ss []string
					for _, o := range sizes.Offsetsof(fs) {
						ss = append(ss, fmt.Sprint(o))
					}
					offs = strings.Join(ss, ",")
				}
			}
			if tn, ok := obj.(*types.TypeName); ok && !generic && !strings.Contains(lineOf(fset, f, tn), "// nosize") {
				pairTypes = append(pairTypes, t)
				pairNames = append(pairNames, name)
			}
			fmt.Printf("%s\t%s\t%s\t%s\t%s\t%s\n", name, types.TypeString(t, nil), types.TypeString(actual, nil), size, align, offs)
			if _, ok := obj.(*types.TypeName); ok && !generic {
				for _, pt := range []types.Type{t, types.NewPointer(t)} {
					ms := types.NewMethodSet(pt)
					var ns []string
					for i := 0; i < ms.Len(); i++ {
						ns = append(ns, ms.At(i).Obj().Name()+":"+types.TypeString(ms.At(i).Obj().Type(), nil))
					}
					kind := "T"
					if _, ok := pt.(*types.Pointer); ok {
						kind = "*T"
					}
					fmt.Printf("%s.mset\t%s\t%s\n", name, kind, strings.Join(ns, " "))
				}
			}
		}
	}
	// ObjectString of every declaration, methods included, in source order.
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					fmt.Printf("obj\t%s\t%s\n", ts.Name.Name, types.ObjectString(pkg.Scope().Lookup(ts.Name.Name), nil))
				}
			}
		case *ast.FuncDecl:
			fmt.Printf("obj\t%s\t%s\n", d.Name.Name, types.ObjectString(info.Defs[d.Name], nil))
		}
	}
	printLookups(pkg, pairNames, pairTypes)
	printPairs(pairNames, pairTypes)
}

// lineOf returns the source line declaring obj.
func lineOf(fset *token.FileSet, f *ast.File, obj types.Object) string {
	src, err := os.ReadFile(fset.Position(obj.Pos()).Filename)
	if err != nil {
		return ""
	}
	lines := strings.Split(string(src), "\n")
	n := fset.Position(obj.Pos()).Line
	if n-1 < len(lines) {
		return lines[n-1]
	}
	return ""
}

// printLookups prints LookupFieldOrMethod for every type, every field or method name that
// occurs in the corpus (and one that does not), not addressable and addressable:
// "look <TAB> X <TAB> NAME <TAB> 0|1 <TAB> var|func:INDEX:indirect | ambiguous | needsaddr | none".
func printLookups(pkg *types.Package, names []string, ts []types.Type) {
	seen := map[string]bool{"zz": true}
	list := []string{"zz"}
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			list = append(list, n)
		}
	}
	for _, t := range ts {
		for _, pt := range []types.Type{t, types.NewPointer(t)} {
			ms := types.NewMethodSet(pt)
			for i := 0; i < ms.Len(); i++ {
				add(ms.At(i).Obj().Name())
			}
		}
		if st, ok := t.Underlying().(*types.Struct); ok {
			for i := 0; i < st.NumFields(); i++ {
				add(st.Field(i).Name())
				if e, ok := st.Field(i).Type().Underlying().(*types.Struct); ok {
					for j := 0; j < e.NumFields(); j++ {
						add(e.Field(j).Name())
					}
				}
			}
		}
	}
	for i, t := range ts {
		for _, n := range list {
			for _, addr := range []bool{false, true} {
				obj, index, indirect := types.LookupFieldOrMethod(t, addr, pkg, n)
				var r string
				switch {
				case obj != nil:
					kind := "var"
					if _, ok := obj.(*types.Func); ok {
						kind = "func"
					}
					var ix []string
					for _, x := range index {
						ix = append(ix, fmt.Sprint(x))
					}
					r = fmt.Sprintf("%s:%s:%v", kind, strings.Join(ix, "."), indirect)
				case index != nil:
					r = "ambiguous"
				case indirect:
					r = "needsaddr"
				default:
					r = "none"
				}
				a := "0"
				if addr {
					a = "1"
				}
				fmt.Printf("look\t%s\t%s\t%s\t%s\n", names[i], n, a, r)
			}
		}
	}
}

func bit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func printPairs(names []string, ts []types.Type) {
	for i, x := range ts {
		fmt.Printf("cmp\t%s\t%s\n", names[i], bit(types.Comparable(x)))
	}
	for i, x := range ts {
		for j, y := range ts {
			bits := bit(types.Identical(x, y)) + bit(types.IdenticalIgnoreTags(x, y)) +
				bit(types.AssignableTo(x, y)) + bit(types.ConvertibleTo(x, y))
			if it, ok := y.Underlying().(*types.Interface); ok {
				bits += bit(types.Implements(x, it)) + bit(types.Satisfies(x, it))
			} else {
				bits += "--"
			}
			fmt.Printf("pair\t%s\t%s\t%s\n", names[i], names[j], bits)
		}
	}
}

func hasTypeParam(t types.Type) bool {
	found := false
	var walk func(t types.Type, depth int)
	walk = func(t types.Type, depth int) {
		if found || depth > 50 {
			return
		}
		switch t := t.(type) {
		case *types.TypeParam:
			found = true
		case *types.Pointer:
			walk(t.Elem(), depth+1)
		case *types.Slice:
			walk(t.Elem(), depth+1)
		case *types.Array:
			walk(t.Elem(), depth+1)
		case *types.Map:
			walk(t.Key(), depth+1)
			walk(t.Elem(), depth+1)
		case *types.Chan:
			walk(t.Elem(), depth+1)
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				walk(t.Field(i).Type(), depth+1)
			}
		case *types.Named:
			for i := 0; i < t.TypeArgs().Len(); i++ {
				walk(t.TypeArgs().At(i), depth+1)
			}
		}
	}
	walk(t, 0)
	return found
}

func gen(in, out string) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, in, nil, parser.SkipObjectResolution)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("example.com/p", fset, []*ast.File{f}, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	src, _ := os.ReadFile(in)
	var b strings.Builder
	b.WriteString(strings.Replace(string(src), "\npackage p\n", "\npackage main\n", 1))
	b.WriteString(`
type abiType struct {
	Size_    uintptr
	PtrBytes uintptr
}

func show(name string, t reflect.Type) {
	type eface struct{ typ, data unsafe.Pointer }
	at := (*abiType)((*eface)(unsafe.Pointer(&t)).data)
	fmt.Printf("ptr\t%s\t%d\t%d\t%d\n", name, t.Size(), t.Align(), at.PtrBytes)
}

func main() {
`)
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, s := range g.Specs {
			ts, ok := s.(*ast.TypeSpec)
			if !ok || ts.TypeParams != nil {
				continue
			}
			t := pkg.Scope().Lookup(ts.Name.Name).Type()
			if it, ok := t.Underlying().(*types.Interface); ok && !it.IsMethodSet() {
				continue // constraint interfaces are not types of values
			}
			fmt.Fprintf(&b, "\tshow(%q, reflect.TypeOf((*%s)(nil)).Elem())\n", ts.Name.Name, ts.Name.Name)
		}
	}
	b.WriteString("}\n")
	text := b.String()
	// the generated program needs fmt, reflect and unsafe
	text = strings.Replace(text, "import (\n", "import (\n\t\"fmt\"\n\t\"reflect\"\n", 1)
	if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
