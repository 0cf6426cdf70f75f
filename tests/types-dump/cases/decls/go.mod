module example.com/decls

go 1.24
