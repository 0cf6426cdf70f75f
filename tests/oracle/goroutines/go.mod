module gomem.test/goroutines

go 1.19
