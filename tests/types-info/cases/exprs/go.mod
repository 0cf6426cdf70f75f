module example.com/exprs

go 1.24
