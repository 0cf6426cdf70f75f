module gomem.test/manyg

go 1.19
