module example.com/scratchpack/bench-service

go 1.22
