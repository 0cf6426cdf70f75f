module gomem.test/gcleak

go 1.19
