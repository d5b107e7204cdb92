module example.com/scratchpack/hello

go 1.22
