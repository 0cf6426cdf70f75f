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
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type entry struct {
	file string
	off  int
	line string
}

func main() {
	mode := ""
	if len(os.Args) > 1 && (os.Args[1] == "-types" || os.Args[1] == "-facts") {
		mode = os.Args[1]
		os.Args = append(os.Args[:1], os.Args[2:]...)
	}
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: typesdump [-types|-facts] PKG|DIR...")
		os.Exit(2)
	}
	ctx := build.Default
	ctx.CgoEnabled = false
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
		for _, name := range bp.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
			if err != nil {
				fmt.Fprintln(os.Stderr, "error:", err)
				status = 1
			}
			if f != nil {
				files = append(files, f)
			}
		}
		info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
		conf := types.Config{
			Importer: imp,
			Sizes:    types.SizesFor("gc", "amd64"),
			Error: func(err error) {
				fmt.Fprintln(os.Stderr, "error:", err)
				status = 1
			},
		}
		path := bp.ImportPath
		if path == "." || path == "" {
			path = modulePath(dir)
		}
		conf.Check(path, fset, files, info)
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

func dumpFacts(out *bufio.Writer, fset *token.FileSet, files []*ast.File, info *types.Info) {}
