// typesdump: the oracle of `gomem types -dump`. For each package named on the command line
// (an import path, a directory, or a single .go file), it selects the files as go/build does (run with
// CGO_ENABLED=0), parses them with go/parser, type-checks them with go/types (imports from
// source, gc amd64 sizes) and prints one line per identifier recorded in Info.Defs or
// Info.Uses with a non-nil object, sorted by file and offset:
//
//	FILE:LINE:COL<TAB>NAME<TAB>KIND<TAB>TYPE
//
// KIND is var const type func pkgname label builtin nil; TYPE is types.TypeString(obj.Type(), nil),
// except the imported path for pkgname, "-" for label and builtin, "untyped nil" for nil.
// Type errors go to stderr (prefixed "error: "); exit status 1 when there were any.
//
// With -types (first argument), it prints instead one line per expression recorded in
// Info.Types, in the format of `gomem types -types` (docs/types.md):
//
//	FILE:LINE:COL<TAB>ENDLINE:ENDCOL<TAB>MODE<TAB>TYPE[<TAB>VALUE]
//
// positions are go/ast's Pos() and End(); MODE is novalue type builtin const var mapindex
// commaok value (from the TypeAndValue predicates); VALUE (constants) is constant.Value.String().
//
// With -facts, it prints the variable facts and closures of `gomem types -facts` computed from
// go/ast and Info.Defs/Uses (facts.go).
//
// With -fakecgo, files are selected with cgo enabled and the cgo files (import "C") are
// checked too, with go/types' Config.FakeImportC: C.x is an invalid operand that is never an
// error and is not recorded. With -cgo, the cgo files are processed as the source importer
// does (go tool cgo, then _cgo_gotypes.go checked with the package, C.x resolved to cgo's
// declarations): the real types, as gc sees them. Imports are checked as CGO_ENABLED says.
// The cgo flag comes before -types or -facts.
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/build"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	_ "unsafe" // go:linkname
)

type entry struct {
	file string
	off  int
	line string
}

func main() {
	fakecgo := len(os.Args) > 1 && os.Args[1] == "-fakecgo"
	realcgo := len(os.Args) > 1 && os.Args[1] == "-cgo"
	if fakecgo || realcgo {
		os.Args = append(os.Args[:1], os.Args[2:]...)
	}
	mode := ""
	if len(os.Args) > 1 && (os.Args[1] == "-types" || os.Args[1] == "-facts") {
		mode = os.Args[1]
		os.Args = append(os.Args[:1], os.Args[2:]...)
	}
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: typesdump [-fakecgo|-cgo] [-types|-facts] PKG|DIR...")
		os.Exit(2)
	}
	ctx := build.Default
	ctx.CgoEnabled = fakecgo || realcgo
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	out := bufio.NewWriter(os.Stdout)
	status := 0
	cwd, _ := os.Getwd()
	for _, arg := range os.Args[1:] {
		var bp *build.Package
		var err error
		if strings.HasSuffix(arg, ".go") {
			// a single file: the package command-line-arguments
			abs, _ := filepath.Abs(arg)
			bp = &build.Package{Dir: filepath.Dir(abs), GoFiles: []string{filepath.Base(abs)}, ImportPath: "command-line-arguments"}
		} else if strings.HasPrefix(arg, ".") || strings.HasPrefix(arg, "/") {
			bp, err = ctx.ImportDir(arg, 0)
		} else {
			bp, err = ctx.Import(arg, cwd, 0)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "typesdump:", err)
			os.Exit(2)
		}
		dir, _ := filepath.Abs(bp.Dir)
		var files []*ast.File
		names := bp.GoFiles
		if fakecgo || realcgo {
			names = append(append([]string{}, bp.GoFiles...), bp.CgoFiles...)
		}
		for _, name := range names {
			f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
			if err != nil {
				fmt.Fprintln(os.Stderr, "error:", err)
				status = 1
			}
			if f != nil {
				files = append(files, f)
			}
		}
		cgotmp := ""
		if realcgo && len(bp.CgoFiles) > 0 {
			f, tmp, err := runCgo(fset, bp, dir)
			if err != nil {
				fmt.Fprintln(os.Stderr, "typesdump:", err)
				os.Exit(2)
			}
			cgotmp = tmp
			files = append(files, f)
		}
		info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
		conf := types.Config{
			Importer:    imp,
			Sizes:       types.SizesFor("gc", "amd64"),
			FakeImportC: fakecgo,
			Error: func(err error) {
				fmt.Fprintln(os.Stderr, "error:", err)
				status = 1
			},
		}
		path := bp.ImportPath
		if path == "." || path == "" {
			path = modulePath(dir)
		}
		if cgotmp != "" {
			setUsesCgo(&conf)
		}
		conf.Check(path, fset, files, info)
		if cgotmp != "" {
			os.RemoveAll(cgotmp) // parsed already; the name stays to filter its positions
		}
		if mode == "-types" {
			dumpTypes(out, fset, info)
			continue
		}
		if mode == "-facts" {
			dumpFacts(out, fset, files, info)
			continue
		}
		var es []entry
		add := func(id *ast.Ident, obj types.Object) {
			if obj == nil {
				return
			}
			p := fset.Position(id.Pos())
			if cgotmp != "" && strings.HasPrefix(p.Filename, cgotmp) {
				return // cgo's generated declarations
			}
			var kind, typ string
			switch o := obj.(type) {
			case *types.Var:
				kind, typ = "var", types.TypeString(o.Type(), nil)
			case *types.Const:
				kind, typ = "const", types.TypeString(o.Type(), nil)
			case *types.TypeName:
				kind, typ = "type", types.TypeString(o.Type(), nil)
			case *types.Func:
				kind, typ = "func", types.TypeString(o.Type(), nil)
			case *types.PkgName:
				kind, typ = "pkgname", o.Imported().Path()
			case *types.Label:
				kind, typ = "label", "-"
			case *types.Builtin:
				kind, typ = "builtin", "-"
			case *types.Nil:
				kind, typ = "nil", "untyped nil"
			default:
				return
			}
			es = append(es, entry{p.Filename, p.Offset,
				fmt.Sprintf("%s:%d:%d\t%s\t%s\t%s", p.Filename, p.Line, p.Column, id.Name, kind, typ)})
		}
		for id, obj := range info.Defs {
			add(id, obj)
		}
		for id, obj := range info.Uses {
			add(id, obj)
		}
		sort.Slice(es, func(i, j int) bool {
			if es[i].file != es[j].file {
				return es[i].file < es[j].file
			}
			if es[i].off != es[j].off {
				return es[i].off < es[j].off
			}
			return es[i].line < es[j].line
		})
		for _, e := range es {
			fmt.Fprintln(out, e.line)
		}
	}
	out.Flush()
	os.Exit(status)
}

// modulePath: the import path of a directory in a module (go.mod's module line plus the
// directory below the module root), "command-line-arguments" outside modules.
func modulePath(dir string) string {
	for d := dir; ; {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			for _, line := range strings.Split(string(data), "\n") {
				f := strings.Fields(line)
				if len(f) == 2 && f[0] == "module" {
					rel, _ := filepath.Rel(d, dir)
					if rel == "." {
						return strings.Trim(f[1], `"`)
					}
					return strings.Trim(f[1], `"`) + "/" + filepath.ToSlash(rel)
				}
			}
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return "command-line-arguments"
}

// dumpTypes prints Info.Types, sorted by file, offset, end.
func dumpTypes(out *bufio.Writer, fset *token.FileSet, info *types.Info) {
	var es []entry
	for e, tv := range info.Types {
		if !e.Pos().IsValid() {
			continue // nodes go/types makes up (the interface around a constraint)
		}
		p := fset.Position(e.Pos())
		q := fset.Position(e.End())
		var mode string
		switch {
		case tv.IsVoid():
			mode = "novalue"
		case tv.IsType():
			mode = "type"
		case tv.IsBuiltin():
			mode = "builtin"
		case tv.Value != nil:
			mode = "const"
		case tv.Addressable():
			mode = "var"
		case tv.Assignable():
			mode = "mapindex"
		case tv.HasOk():
			mode = "commaok"
		default:
			mode = "value"
		}
		line := fmt.Sprintf("%s:%d:%d\t%d:%d\t%s\t%s", p.Filename, p.Line, p.Column, q.Line, q.Column, mode, types.TypeString(tv.Type, nil))
		if tv.Value != nil {
			line += "\t" + tv.Value.String()
		}
		es = append(es, entry{p.Filename, p.Offset*1000000 + q.Offset%1000000, line})
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].file != es[j].file {
			return es[i].file < es[j].file
		}
		if es[i].off != es[j].off {
			return es[i].off < es[j].off
		}
		return es[i].line < es[j].line
	})
	for _, e := range es {
		fmt.Fprintln(out, e.line)
	}
}

// ---- -facts: variables and closures, computed from go/ast and go/types ----
//
// The same rules as gomem's facts.c (docs/types.md), written independently over go/types'
// objects, selections and sizes: address taken (operand of &, pointer-receiver method on an
// addressable value, slicing an array, through field selections without pointers and array
// indexing), reassigned (any assignment but the declaration), captured (a free variable of a
// function literal), and gc's by-value decision with escape analysis' walk order.

type fvar struct {
	v                      *types.Var
	fn                     int
	depth                  int
	addrTaken, reassigned  bool
	captured               bool
	eCaptured, eReassigned bool
	eAddr                  bool
}

type fcap struct {
	v                   *types.Var
	byval, addr, assign bool
}

type ffunc struct {
	ftype     *ast.FuncType
	rangefunc bool
	pos, end  token.Pos
	name      string
	lit       bool
	outer     int
	caps      []*fcap
	vars      []*types.Var
	generic   bool
}

type fwalk struct {
	fset    *token.FileSet
	info    *types.Info
	pass    int
	funcs   []*ffunc
	stack   []int
	lits    []int
	nlit    int
	order   []int
	vars    map[*types.Var]*fvar
	depth   int
	forInit bool
	generic bool
	sizes   types.Sizes
}

func (w *fwalk) obj(id *ast.Ident) types.Object {
	if o := w.info.Defs[id]; o != nil {
		return o
	}
	return w.info.Uses[id]
}

func isLocal(o types.Object) (*types.Var, bool) {
	v, ok := o.(*types.Var)
	if !ok || v.IsField() || v.Name() == "_" || v.Name() == "" || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil, false
	}
	return v, true
}

func (w *fwalk) top() int { return w.stack[len(w.stack)-1] }

func (w *fwalk) declare(v *types.Var) *fvar {
	if fv := w.vars[v]; fv != nil {
		return fv
	}
	owner := w.top()
	for i := len(w.stack) - 1; i >= 0; i-- {
		f := w.funcs[w.stack[i]]
		if f.pos <= v.Pos() && v.Pos() < f.end {
			owner = w.stack[i]
			break
		}
	}
	d := w.depth
	if w.forInit {
		d++
	}
	fv := &fvar{v: v, fn: owner, depth: d}
	w.vars[v] = fv
	w.funcs[owner].vars = append(w.funcs[owner].vars, v)
	return fv
}

func (w *fwalk) ident(id *ast.Ident) {
	v, ok := isLocal(w.obj(id))
	if !ok || len(w.stack) == 0 {
		return
	}
	def := v.Pos() == id.Pos()
	if w.pass == 2 {
		if fv := w.vars[v]; fv != nil && def {
			fv.depth = w.depth
			if w.forInit {
				fv.depth++
			}
		}
		return
	}
	fv := w.declare(v)
	if def {
		return
	}
	for i := len(w.stack) - 1; i >= 0; i-- {
		fi := w.stack[i]
		if fi == fv.fn {
			break
		}
		f := w.funcs[fi]
		have := false
		for _, c := range f.caps {
			if c.v == v {
				have = true
			}
		}
		if !have {
			f.caps = append(f.caps, &fcap{v: v})
		}
		fv.captured = true
	}
}

func (w *fwalk) outerVar(e ast.Expr) *types.Var {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.SelectorExpr:
			sel := w.info.Selections[x]
			if sel == nil || sel.Kind() != types.FieldVal || sel.Indirect() {
				return nil
			}
			e = x.X
		case *ast.IndexExpr:
			tv, ok := w.info.Types[x.X]
			if !ok || tv.Type == nil {
				return nil
			}
			if _, isArr := tv.Type.Underlying().(*types.Array); !isArr {
				return nil
			}
			e = x.X
		case *ast.Ident:
			v, ok := isLocal(w.obj(x))
			if !ok {
				return nil
			}
			return v
		default:
			return nil
		}
	}
}

func (w *fwalk) markAddr(e ast.Expr) {
	v := w.outerVar(e)
	if v == nil || w.vars[v] == nil {
		return
	}
	if w.pass == 1 {
		w.vars[v].addrTaken = true
	} else {
		w.vars[v].eAddr = true
	}
}

func (w *fwalk) markAssign(e ast.Expr) {
	v := w.outerVar(e)
	if v == nil || w.vars[v] == nil {
		return
	}
	if w.pass == 1 {
		w.vars[v].reassigned = true
	} else {
		w.vars[v].eReassigned = true
	}
}

func (w *fwalk) closureMet(e *ast.FuncLit, r *ast.RangeStmt) int {
	var fi int
	if w.pass == 1 {
		f := &ffunc{lit: true, outer: -1, generic: w.generic}
		if e != nil {
			f.pos, f.end, f.ftype = e.Pos(), e.End(), e.Type
		} else {
			f.pos, f.end, f.rangefunc = r.Pos(), r.End(), true
		}
		if len(w.stack) > 0 {
			f.outer = w.top()
		}
		fi = len(w.funcs)
		w.funcs = append(w.funcs, f)
		w.lits = append(w.lits, fi)
	} else {
		if w.nlit >= len(w.lits) {
			return -1
		}
		fi = w.lits[w.nlit]
		w.nlit++
		for _, c := range w.funcs[fi].caps {
			if fv := w.vars[c.v]; fv != nil && !fv.eCaptured {
				fv.eCaptured = true
				if fv.depth == w.depth {
					fv.eReassigned = false
				}
			}
		}
		w.order = append(w.order, fi)
	}
	return fi
}

func (w *fwalk) funcLit(e *ast.FuncLit) {
	fi := w.closureMet(e, nil)
	if fi < 0 {
		return
	}
	sd, sf := w.depth, w.forInit
	w.depth, w.forInit = 1, false
	w.body(fi, nil, e.Type, e.Body)
	w.depth, w.forInit = sd, sf
}

func (w *fwalk) expr(e ast.Expr) {
	if _, isId := e.(*ast.Ident); !isId && e != nil && w.constOf(e) != nil {
		return // a constant (len of an array, unsafe.Sizeof(x)): gc compiles only its value
	}
	switch x := e.(type) {
	case nil:
	case *ast.Ident:
		w.ident(x)
	case *ast.FuncLit:
		w.funcLit(x)
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, isId := kv.Key.(*ast.Ident); !isId || w.info.Types[id].Type != nil {
					w.expr(kv.Key)
				}
				w.expr(kv.Value)
			} else {
				w.expr(el)
			}
		}
	case *ast.ParenExpr:
		w.expr(x.X)
	case *ast.SelectorExpr:
		w.expr(x.X)
		if sel := w.info.Selections[x]; sel != nil && sel.Kind() == types.MethodVal && !sel.Indirect() {
			if sig, ok := sel.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
				if _, ptr := types.Unalias(sig.Recv().Type()).(*types.Pointer); ptr && w.info.Types[x.X].Addressable() {
					w.markAddr(x.X)
				}
			}
		}
	case *ast.IndexExpr:
		w.expr(x.X)
		w.expr(x.Index)
	case *ast.IndexListExpr:
		w.expr(x.X)
		for _, i := range x.Indices {
			w.expr(i)
		}
	case *ast.SliceExpr:
		w.expr(x.X)
		w.expr(x.Low)
		w.expr(x.High)
		w.expr(x.Max)
		if tv, ok := w.info.Types[x.X]; ok && tv.Type != nil {
			if _, isArr := tv.Type.Underlying().(*types.Array); isArr {
				w.markAddr(x.X)
			}
		}
	case *ast.TypeAssertExpr:
		w.expr(x.X)
	case *ast.CallExpr:
		w.expr(x.Fun)
		for _, a := range x.Args {
			w.expr(a)
		}
	case *ast.StarExpr:
		w.expr(x.X)
	case *ast.UnaryExpr:
		w.expr(x.X)
		if x.Op == token.AND {
			w.markAddr(x.X)
		}
	case *ast.BinaryExpr:
		w.expr(x.X)
		w.expr(x.Y)
	case *ast.KeyValueExpr:
		w.expr(x.Key)
		w.expr(x.Value)
	}
}

// ---- the code gc compiles (cmd/compile/internal/noder writer.go's pruning) ----

func (w *fwalk) constOf(e ast.Expr) constant.Value {
	if tv, ok := w.info.Types[e]; ok {
		return tv.Value
	}
	return nil
}

// staticBool: +1 always true, -1 always false, 0 unknown, and the part of e gc keeps.
func (w *fwalk) staticBool(e ast.Expr) (int, ast.Expr) {
	if v := w.constOf(e); v != nil {
		if v.Kind() != constant.Bool {
			return 0, e
		}
		if constant.BoolVal(v) {
			return 1, e
		}
		return -1, e
	}
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			r, eff := w.staticBool(x.X)
			if eff == x.X {
				eff = e
			}
			return r, eff
		}
	case *ast.BinaryExpr:
		if x.Op == token.LAND {
			a, ea := w.staticBool(x.X)
			if a < 0 {
				return a, ea
			}
			b, eb := w.staticBool(x.Y)
			if a > 0 || b < 0 {
				if w.constOf(x.X) != nil {
					return b, eb
				}
				return b, e
			}
		} else if x.Op == token.LOR {
			a, ea := w.staticBool(x.X)
			if a > 0 {
				return a, ea
			}
			b, eb := w.staticBool(x.Y)
			if a < 0 || b > 0 {
				if w.constOf(x.X) != nil {
					return b, eb
				}
				return b, e
			}
		}
	}
	return 0, e
}

func (w *fwalk) terminates(s ast.Stmt) bool {
	switch x := s.(type) {
	case *ast.BranchStmt:
		return x.Tok == token.GOTO
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(x.X).(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok {
				if b, ok := w.info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
					return true
				}
			}
		}
	case *ast.IfStmt:
		c, _ := w.staticBool(x.Cond)
		return (c < 0 || w.terminates(x.Body)) && (c > 0 || (x.Else != nil && w.terminates(x.Else)))
	case *ast.BlockStmt:
		for i := len(x.List) - 1; i >= 0; i-- {
			if _, empty := x.List[i].(*ast.EmptyStmt); !empty {
				return w.terminates(x.List[i])
			}
		}
	}
	return false
}

func (w *fwalk) stmts(l []ast.Stmt) {
	lastLabel := -1
	for i, s := range l {
		if _, ok := s.(*ast.LabeledStmt); ok {
			lastLabel = i
		}
	}
	dead := false
	for i, s := range l {
		if _, lab := s.(*ast.LabeledStmt); dead && i > lastLabel && !lab {
			continue
		}
		w.stmt(s)
		dead = w.terminates(s)
	}
}

func hasFallthrough(l []ast.Stmt) bool {
	for i := len(l) - 1; i >= 0; i-- {
		s := l[i]
		if _, empty := s.(*ast.EmptyStmt); empty {
			continue
		}
		for {
			ls, ok := s.(*ast.LabeledStmt)
			if !ok {
				break
			}
			s = ls.Stmt
		}
		b, ok := s.(*ast.BranchStmt)
		return ok && b.Tok == token.FALLTHROUGH
	}
	return false
}

// switchTarget: a switch on a constant with constant cases keeps only the clause taken.
func (w *fwalk) switchTarget(s *ast.SwitchStmt) (target *ast.CaseClause, all bool) {
	tag := constant.MakeBool(true)
	if s.Tag != nil {
		if tag = w.constOf(s.Tag); tag == nil {
			return nil, true
		}
	}
	for _, c := range s.Body.List {
		cl := c.(*ast.CaseClause)
		if cl.List == nil {
			target = cl
		}
		found := false
		for _, e := range cl.List {
			v := w.constOf(e)
			if v == nil {
				return nil, true
			}
			if constant.Compare(tag, token.EQL, v) {
				target = cl
				found = true
				break
			}
		}
		if found {
			break
		}
	}
	if target != nil && hasFallthrough(target.Body) {
		return nil, true
	}
	return target, false
}

// rangeFunc: for k, v := range f { body }: gc rewrites the body into a closure passed to f.
func (w *fwalk) rangeFunc(x *ast.RangeStmt) bool {
	tv, ok := w.info.Types[x.X]
	if !ok || tv.Type == nil {
		return false
	}
	if _, isSig := coreType(tv.Type).(*types.Signature); !isSig {
		return false
	}
	fi := w.closureMet(nil, x)
	if fi < 0 {
		return true
	}
	sd, sf := w.depth, w.forInit
	w.depth, w.forInit = 1, false
	w.stack = append(w.stack, fi)
	w.expr(x.Key)
	w.expr(x.Value)
	if x.Tok == token.ASSIGN {
		if x.Key != nil && !isBlank(x.Key) {
			w.markAssign(x.Key)
		}
		if x.Value != nil && !isBlank(x.Value) {
			w.markAssign(x.Value)
		}
	}
	w.stmt(x.Body)
	w.stack = w.stack[:len(w.stack)-1]
	w.depth, w.forInit = sd, sf
	return true
}

// coreType: t's underlying type, or for a type parameter the underlying type shared by
// every type of its type set (nil when they differ).
func coreType(t types.Type) types.Type {
	tp, ok := t.(*types.TypeParam)
	if !ok {
		return t.Underlying()
	}
	iface, _ := tp.Underlying().(*types.Interface)
	if iface == nil {
		return nil
	}
	var core types.Type
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		var terms []types.Type
		if u, isU := iface.EmbeddedType(i).(*types.Union); isU {
			for j := 0; j < u.Len(); j++ {
				terms = append(terms, u.Term(j).Type())
			}
		} else {
			terms = append(terms, iface.EmbeddedType(i))
		}
		for _, t := range terms {
			u := t.Underlying()
			if core != nil && !types.Identical(core, u) {
				return nil
			}
			core = u
		}
	}
	return core
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

func (w *fwalk) stmt(s ast.Stmt) {
	switch x := s.(type) {
	case nil:
	case *ast.DeclStmt:
		if g, ok := x.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
			for _, sp := range g.Specs {
				vs := sp.(*ast.ValueSpec)
				for _, v := range vs.Values {
					w.expr(v)
				}
				for _, n := range vs.Names {
					w.expr(n)
				}
			}
		}
	case *ast.LabeledStmt:
		w.stmt(x.Stmt)
	case *ast.ExprStmt:
		w.expr(x.X)
	case *ast.SendStmt:
		w.expr(x.Chan)
		w.expr(x.Value)
	case *ast.IncDecStmt:
		w.expr(x.X)
		w.markAssign(x.X)
	case *ast.AssignStmt:
		for _, r := range x.Rhs {
			w.expr(r)
		}
		for _, l := range x.Lhs {
			w.expr(l)
		}
		for _, l := range x.Lhs {
			if isBlank(l) {
				continue
			}
			if x.Tok == token.DEFINE {
				if id, ok := l.(*ast.Ident); ok && w.info.Defs[id] != nil {
					continue
				}
			}
			w.markAssign(l)
		}
	case *ast.GoStmt:
		w.expr(x.Call)
	case *ast.DeferStmt:
		w.expr(x.Call)
	case *ast.ReturnStmt:
		for _, r := range x.Results {
			w.expr(r)
		}
		si := len(w.stack) - 1
		for si > 0 && w.funcs[w.stack[si]].rangefunc {
			si--
		}
		if ft := w.funcs[w.stack[si]].ftype; ft != nil && ft.Results != nil {
			for _, f := range ft.Results.List {
				for _, n := range f.Names {
					w.markAssign(n)
				}
			}
		}
	case *ast.BlockStmt:
		w.stmts(x.List)
	case *ast.IfStmt:
		c, eff := w.staticBool(x.Cond)
		w.stmt(x.Init)
		w.expr(eff)
		if c >= 0 {
			w.stmt(x.Body)
		}
		if c <= 0 {
			w.stmt(x.Else)
		}
	case *ast.CaseClause:
		for _, e := range x.List {
			w.expr(e)
		}
		w.stmts(x.Body)
	case *ast.SwitchStmt:
		target, all := w.switchTarget(x)
		w.stmt(x.Init)
		if all {
			w.expr(x.Tag)
			w.stmt(x.Body)
		} else if target != nil {
			w.stmts(target.Body)
		}
	case *ast.TypeSwitchStmt:
		w.stmt(x.Init)
		switch a := x.Assign.(type) {
		case *ast.AssignStmt:
			if len(a.Rhs) == 1 {
				w.expr(a.Rhs[0])
			}
		case *ast.ExprStmt:
			w.expr(a.X)
		}
		w.stmt(x.Body)
	case *ast.CommClause:
		w.stmt(x.Comm)
		w.stmts(x.Body)
	case *ast.SelectStmt:
		w.stmt(x.Body)
	case *ast.ForStmt:
		sf := w.forInit
		w.forInit = true
		w.stmt(x.Init)
		w.forInit = sf
		w.depth++
		c := 0
		if x.Cond != nil {
			var eff ast.Expr
			c, eff = w.staticBool(x.Cond)
			w.expr(eff)
		}
		if c >= 0 {
			w.stmt(x.Post)
			w.stmt(x.Body)
		}
		w.depth--
	case *ast.RangeStmt:
		w.expr(x.X)
		if w.rangeFunc(x) {
			break
		}
		w.depth++
		switch x.Tok {
		case token.DEFINE:
			w.expr(x.Key)
			w.expr(x.Value)
		case token.ASSIGN:
			w.expr(x.Key)
			w.expr(x.Value)
			if x.Key != nil && !isBlank(x.Key) {
				w.markAssign(x.Key)
			}
			if x.Value != nil && !isBlank(x.Value) {
				w.markAssign(x.Value)
			}
		}
		w.stmt(x.Body)
		w.depth--
	}
}

func (w *fwalk) fields(l *ast.FieldList) {
	if l == nil {
		return
	}
	for _, f := range l.List {
		for _, n := range f.Names {
			w.expr(n)
		}
	}
}

func (w *fwalk) body(fi int, recv *ast.FieldList, ft *ast.FuncType, b *ast.BlockStmt) {
	w.stack = append(w.stack, fi)
	w.fields(recv)
	if ft != nil {
		w.fields(ft.Params)
		w.fields(ft.Results)
	}
	if b != nil {
		w.stmt(b)
	}
	w.stack = w.stack[:len(w.stack)-1]
}

// width: gc amd64 size, -1 when it depends on a type parameter (gcSizes asserts then).
func (w *fwalk) width(t types.Type) (n int64) {
	defer func() {
		if recover() != nil {
			n = -1
		}
	}()
	return w.sizes.Sizeof(t)
}

func (w *fwalk) decide() {
	for _, fi := range w.order {
		for _, c := range w.funcs[fi].caps {
			fv := w.vars[c.v]
			if fv == nil {
				continue
			}
			c.addr, c.assign = fv.eAddr, fv.eReassigned
			c.byval = !fv.eAddr && !fv.eReassigned && w.width(c.v.Type()) <= 128
			if !c.byval {
				fv.eAddr = true
			}
		}
	}
	w.order = nil
}

func (w *fwalk) unit(d *ast.FuncDecl, init ast.Expr) {
	nlits := len(w.lits)
	fi := -1
	w.generic = false
	if d != nil {
		g := d.Type.TypeParams != nil && len(d.Type.TypeParams.List) > 0
		if d.Recv != nil && len(d.Recv.List) > 0 {
			t := d.Recv.List[0].Type
			for {
				if p, ok := t.(*ast.ParenExpr); ok {
					t = p.X
					continue
				}
				if s, ok := t.(*ast.StarExpr); ok {
					t = s.X
					continue
				}
				break
			}
			switch t.(type) {
			case *ast.IndexExpr, *ast.IndexListExpr:
				g = true
			}
		}
		w.generic = g
		fi = len(w.funcs)
		w.funcs = append(w.funcs, &ffunc{pos: d.Pos(), end: d.End(), name: d.Name.Name, outer: -1, generic: g, ftype: d.Type})
	}
	for w.pass = 1; w.pass <= 2; w.pass++ {
		w.depth, w.forInit, w.nlit = 1, false, nlits
		if d != nil {
			w.body(fi, d.Recv, d.Type, d.Body)
		} else {
			w.expr(init)
		}
	}
	w.decide()
}

func dumpFacts(out *bufio.Writer, fset *token.FileSet, files []*ast.File, info *types.Info) {
	w := &fwalk{fset: fset, info: info, vars: map[*types.Var]*fvar{}, sizes: types.SizesFor("gc", "amd64")}
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body != nil {
					w.unit(d, nil)
				}
			case *ast.GenDecl:
				if d.Tok == token.VAR {
					for _, sp := range d.Specs {
						for _, v := range sp.(*ast.ValueSpec).Values {
							w.unit(nil, v)
						}
					}
				}
			}
		}
	}
	var es []entry
	pos := func(p token.Pos, path bool) string {
		q := fset.Position(p)
		if path {
			return fmt.Sprintf("%s:%d:%d", q.Filename, q.Line, q.Column)
		}
		return fmt.Sprintf("%d:%d", q.Line, q.Column)
	}
	add := func(p token.Pos, line string) {
		q := fset.Position(p)
		es = append(es, entry{q.Filename, q.Offset, line})
	}
	for _, f := range w.funcs {
		if f.lit {
			outer := "-"
			if f.outer >= 0 {
				outer = pos(w.funcs[f.outer].pos, false)
			}
			kind := "\tclosure\t"
			if f.rangefunc {
				kind = "\trangefunc\t"
			}
			add(f.pos, pos(f.pos, true)+kind+outer)
		} else {
			add(f.pos, pos(f.pos, true)+"\tfunc\t"+f.name)
		}
		for _, v := range f.vars {
			fv := w.vars[v]
			var flags []string
			if fv.addrTaken {
				flags = append(flags, "addr")
			}
			if fv.reassigned {
				flags = append(flags, "reassigned")
			}
			if fv.captured {
				flags = append(flags, "captured")
			}
			fl := strings.Join(flags, ",")
			if fl == "" {
				fl = "-"
			}
			add(v.Pos(), pos(v.Pos(), true)+"\tvar\t"+v.Name()+"\t"+fl)
		}
		for i, c := range f.caps {
			how := "byref"
			if c.byval {
				how = "byval"
			}
			g := ""
			if f.generic {
				g = "\tgeneric"
			}
			add(f.pos, fmt.Sprintf("%s\tcapture\t%d\t%s\t%s\t%s\taddr=%v assign=%v width=%d%s", pos(f.pos, true), i+1, c.v.Name(), pos(c.v.Pos(), false), how, c.addr, c.assign, w.width(c.v.Type()), g))
		}
	}
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].file != es[j].file {
			return es[i].file < es[j].file
		}
		return es[i].off < es[j].off
	})
	for _, e := range es {
		fmt.Fprintln(out, e.line)
	}
}

// runCgo runs cgo on the package's cgo files as go/internal/srcimporter does and parses the
// declarations it generates (_cgo_gotypes.go, in a temporary directory it returns).
func runCgo(fset *token.FileSet, bp *build.Package, dir string) (*ast.File, string, error) {
	tmp, err := os.MkdirTemp("", "typesdump-cgo")
	if err != nil {
		return nil, "", err
	}
	args := []string{filepath.Join(runtime.GOROOT(), "bin", "go"), "tool", "cgo", "-objdir", tmp}
	if bp.Goroot {
		switch bp.ImportPath {
		case "runtime/cgo":
			args = append(args, "-import_runtime_cgo=false", "-import_syscall=false")
		case "runtime/race":
			args = append(args, "-import_syscall=false")
		}
	}
	args = append(args, "--")
	args = append(args, bp.CgoCPPFLAGS...)
	args = append(args, "-I", tmp)
	args = append(args, bp.CgoCFLAGS...)
	args = append(args, bp.CgoFiles...)
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		os.RemoveAll(tmp)
		return nil, "", fmt.Errorf("go tool cgo: %w", err)
	}
	f, err := parser.ParseFile(fset, filepath.Join(tmp, "_cgo_gotypes.go"), nil, parser.SkipObjectResolution)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, "", err
	}
	return f, tmp, nil
}

// setUsesCgo: go/types' hook for the source importer (Config.go115UsesCgo: C.x is looked up
// among cgo's declarations in _cgo_gotypes.go).
//
//go:linkname setUsesCgo go/types.srcimporter_setUsesCgo
func setUsesCgo(conf *types.Config)
