package ring

import (
	"math"
	"sort"
)

// Stats summarises a snapshot; this file does not use cgo itself.
type Stats struct {
	N              int
	Min, Max, Mean float64
	P50            float64
}

func Summarize(ss []Sample) Stats {
	st := Stats{N: len(ss), Min: math.Inf(1), Max: math.Inf(-1)}
	if len(ss) == 0 {
		return Stats{}
	}
	vals := make([]float64, len(ss))
	sum := 0.0
	for i, s := range ss {
		vals[i] = s.Value
		sum += s.Value
		st.Min = math.Min(st.Min, s.Value)
		st.Max = math.Max(st.Max, s.Value)
	}
	sort.Float64s(vals)
	st.Mean = sum / float64(len(ss))
	st.P50 = vals[len(vals)/2]
	return st
}
