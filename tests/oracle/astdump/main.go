// Command astdump is the oracle of gomem's parser: it parses Go files with go/parser and
// prints each *ast.File in the form docs/ast-dump.md defines, which `gomem parse -dump` must
// reproduce byte for byte.
//
// The walk is generic: it follows the fields of the go/ast structs by reflection, in their
// declaration order, so that the form is go/ast's own and not a hand-picked subset. Only the
// fields the document excludes are skipped (Doc, Comment, File.Imports, File.Unresolved,
// File.Scope, Ident.Obj), and only the attributes of the document's table are printed.
//
//	astdump FILE...          dump each file (a "==> FILE" header before each when several)
//	astdump -errors FILE...  print, per file, "FILE: ok" or go/parser's first error
//	                         "FILE:LINE:COL: MSG" (sorted as gofmt -e sorts them)
//	astdump -list LISTFILE   read the file names from LISTFILE (one per line) instead
//	astdump -diff GOMEM [-batch N] [-show K] FILE...
//	                         the differential test: runs `GOMEM parse -dump` on batches of N
//	                         files, compares its dump of each file with this program's, and
//	                         prints the agreement figure and the first K mismatching files
//	                         with the first differing line (exit 1 when any file differs)
//
// Exit status: 0 when every file parsed, 1 when some file had a syntax error, 2 on I/O errors.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"reflect"
	"strings"
)

var (
	errorsMode = flag.Bool("errors", false, "print only the verdict / first error of each file")
	listFile   = flag.String("list", "", "read file names from this file, one per line")
	diffBin    = flag.String("diff", "", "compare with `gomem parse -dump` (path of gomem)")
	batchSize  = flag.Int("batch", 400, "files per gomem process in -diff mode")
	showMax    = flag.Int("show", 10, "mismatching files to show in -diff mode")
	timeoutSec = flag.Int("timeout", 300, "seconds allowed to one gomem process in -diff mode")
)

var nodeType = reflect.TypeOf((*ast.Node)(nil)).Elem()

type dumper struct {
	w    *bufio.Writer
	fset *token.FileSet
}

func (d *dumper) pos(p token.Pos) string {
	if !p.IsValid() {
		return "-"
	}
	pp := d.fset.PositionFor(p, false)
	return fmt.Sprintf("%d:%d", pp.Line, pp.Column)
}

// attrs returns the attributes of docs/ast-dump.md's table for node n.
func attrs(n ast.Node) []string {
	switch n := n.(type) {
	case *ast.Ident:
		return []string{fmt.Sprintf("%+q", n.Name)}
	case *ast.BasicLit:
		return []string{n.Kind.String(), fmt.Sprintf("%+q", n.Value)}
	case *ast.Comment:
		return []string{fmt.Sprintf("%+q", n.Text)}
	case *ast.BinaryExpr:
		return []string{"op=" + n.Op.String()}
	case *ast.UnaryExpr:
		return []string{"op=" + n.Op.String()}
	case *ast.AssignStmt:
		return []string{"tok=" + n.Tok.String()}
	case *ast.IncDecStmt:
		return []string{"tok=" + n.Tok.String()}
	case *ast.BranchStmt:
		return []string{"tok=" + n.Tok.String()}
	case *ast.GenDecl:
		return []string{"tok=" + n.Tok.String()}
	case *ast.RangeStmt:
		return []string{"tok=" + n.Tok.String()}
	case *ast.ChanType:
		switch n.Dir {
		case ast.SEND:
			return []string{"dir=send"}
		case ast.RECV:
			return []string{"dir=recv"}
		default:
			return []string{"dir=both"}
		}
	case *ast.SliceExpr:
		if n.Slice3 {
			return []string{"slice3"}
		}
	case *ast.TypeSpec:
		if n.Assign.IsValid() {
			return []string{"alias"}
		}
	case *ast.CallExpr:
		if n.Ellipsis.IsValid() {
			return []string{"ellipsis"}
		}
	case *ast.EmptyStmt:
		if n.Implicit {
			return []string{"implicit"}
		}
	}
	return nil
}

// skipped reports whether field f of struct type t is excluded from the walk.
func skipped(t reflect.Type, f reflect.StructField) bool {
	switch f.Name {
	case "Doc", "Comment":
		return true
	}
	if t == reflect.TypeOf(ast.File{}) {
		switch f.Name {
		case "Imports", "Unresolved", "Scope", "Comments":
			return true // Comments is walked last, separately
		}
	}
	if t == reflect.TypeOf(ast.Ident{}) && f.Name == "Obj" {
		return true
	}
	return false
}

func isNil(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return true
		}
		if v.Kind() == reflect.Interface {
			return isNil(v.Elem())
		}
	}
	return false
}

func (d *dumper) node(label string, n ast.Node, depth int) {
	for i := 0; i < depth; i++ {
		d.w.WriteString("  ")
	}
	if label != "" {
		d.w.WriteString(label)
		d.w.WriteString(": ")
	}
	v := reflect.ValueOf(n).Elem()
	t := v.Type()
	d.w.WriteString(t.Name())
	d.w.WriteByte(' ')
	d.w.WriteString(d.pos(n.Pos()))
	d.w.WriteByte('-')
	d.w.WriteString(d.pos(n.End()))
	for _, a := range attrs(n) {
		d.w.WriteByte(' ')
		d.w.WriteString(a)
	}
	d.w.WriteByte('\n')
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if skipped(t, f) {
			continue
		}
		fv := v.Field(i)
		switch {
		case f.Type.Implements(nodeType):
			if !isNil(fv) {
				d.node(f.Name, fv.Interface().(ast.Node), depth+1)
			}
		case f.Type.Kind() == reflect.Slice && f.Type.Elem().Implements(nodeType):
			for j := 0; j < fv.Len(); j++ {
				ev := fv.Index(j)
				if !isNil(ev) {
					d.node(fmt.Sprintf("%s[%d]", f.Name, j), ev.Interface().(ast.Node), depth+1)
				}
			}
		}
	}
	if file, ok := n.(*ast.File); ok {
		for j, g := range file.Comments {
			d.node(fmt.Sprintf("Comments[%d]", j), g, depth+1)
		}
	}
}

func main() {
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: astdump [-errors] [-list FILE] FILE...")
		flag.PrintDefaults()
	}
	flag.Parse()
	files := flag.Args()
	if *listFile != "" {
		data, err := os.ReadFile(*listFile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l != "" {
				files = append(files, l)
			}
		}
	}
	if len(files) == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if *diffBin != "" {
		os.Exit(diffMain(*diffBin, files))
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	status := 0
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			w.Flush()
			fmt.Fprintln(os.Stderr, err)
			status = 2
			continue
		}
		fset := token.NewFileSet()
		mode := parser.ParseComments | parser.SkipObjectResolution
		if *errorsMode {
			mode |= parser.AllErrors // as gofmt -e
		}
		f, err := parser.ParseFile(fset, name, src, mode)
		if *errorsMode {
			if err == nil {
				fmt.Fprintf(w, "%s: ok\n", name)
				continue
			}
			if status == 0 {
				status = 1
			}
			if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
				list.Sort()
				e := list[0]
				fmt.Fprintf(w, "%s:%d:%d: %s\n", name, e.Pos.Line, e.Pos.Column, oneLine(e.Msg))
			} else {
				fmt.Fprintf(w, "%s: %s\n", name, oneLine(err.Error()))
			}
			continue
		}
		if len(files) > 1 {
			fmt.Fprintf(w, "==> %s\n", name)
		}
		if err != nil {
			w.Flush()
			fmt.Fprintln(os.Stderr, err)
			if status == 0 {
				status = 1
			}
			continue
		}
		(&dumper{w: w, fset: fset}).node("", f, 0)
	}
	w.Flush()
	os.Exit(status)
}

// oneLine keeps a message on one line (a bad literal quoted in it may hold newlines).
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", `\n`) }
