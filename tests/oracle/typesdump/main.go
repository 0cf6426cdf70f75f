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
// With -fakecgo first, files are selected with cgo enabled and the cgo files (import "C") are
// checked too, with go/types' Config.FakeImportC: C.x is an invalid operand that is never an
// error and is not recorded. With -cgo first, the cgo files are processed as the source
// importer does (go tool cgo, then _cgo_gotypes.go checked with the package, C.x resolved to
// cgo's declarations): the real types, as gc sees them. Imports are checked as CGO_ENABLED says.
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
	args := os.Args[1:]
	fakecgo := len(args) > 0 && args[0] == "-fakecgo"
	realcgo := len(args) > 0 && args[0] == "-cgo"
	if fakecgo || realcgo {
		args = args[1:]
	}
	if len(args) < 1 {
		fmt.Fprintln(os.Stderr, "usage: typesdump [-fakecgo|-cgo] PKG|DIR...")
		os.Exit(2)
	}
	ctx := build.Default
	ctx.CgoEnabled = fakecgo || realcgo
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	out := bufio.NewWriter(os.Stdout)
	status := 0
	cwd, _ := os.Getwd()
	for _, arg := range args {
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
		info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
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
			os.RemoveAll(cgotmp)
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
