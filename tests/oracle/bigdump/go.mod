module gomem.test/bigdump

go 1.19
