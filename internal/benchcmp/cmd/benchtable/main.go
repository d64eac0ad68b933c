// Command benchtable reads `go test -bench` output for the benchcmp
// benchmarks on stdin and prints, as markdown, the median of each metric
// per benchmark and stripelite's ratios against the budgets.
//
//	go test -run '^$' -bench . -benchmem -count 5 | go run ./cmd/benchtable
package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
)

// budgets per case: time and allocs vs the floor, time vs stripe-go.
var cases = []struct {
	name                           string
	floorTime, floorAllocs, goTime float64
}{
	{"GetCustomer", 1.10, 1.2, 0.6},
	{"CreateCustomer", 1.10, 1.2, 0.6},
	{"CreateSubscription", 1.10, 1.2, 0.6},
	{"ListAll1000", 1.10, 1.2, 0.4},
}

var contenders = []string{"floor", "stripelite", "stripego"}

type metrics struct{ ns, bytes, allocs []float64 }

func main() {
	samples := map[string]*metrics{} // "Case/contender"
	var header []string
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		line := sc.Text()
		f := strings.Fields(line)
		if len(f) > 0 && (f[0] == "goos:" || f[0] == "goarch:" || f[0] == "cpu:") && !slices.Contains(header, line) {
			header = append(header, line)
		}
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndex(name, "-"); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		m := samples[name]
		if m == nil {
			m = &metrics{}
			samples[name] = m
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				m.ns = append(m.ns, v)
			case "B/op":
				m.bytes = append(m.bytes, v)
			case "allocs/op":
				m.allocs = append(m.allocs, v)
			}
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	for _, h := range header {
		fmt.Println("   ", h)
	}
	fmt.Println()
	fmt.Println("| case | contender | n | time/op | B/op | allocs/op |")
	fmt.Println("|---|---|---:|---:|---:|---:|")
	for _, c := range cases {
		for _, who := range contenders {
			m := samples[c.name+"/"+who]
			if m == nil {
				continue
			}
			fmt.Printf("| %s | %s | %d | %s | %.0f | %.0f |\n", c.name, who, len(m.ns),
				duration(median(m.ns)), median(m.bytes), median(m.allocs))
		}
	}
	fmt.Println()
	fmt.Println("| case | time vs floor | allocs vs floor | time vs stripe-go |")
	fmt.Println("|---|---|---|---|")
	missed := 0
	for _, c := range cases {
		lite, floor, sgo := samples[c.name+"/stripelite"], samples[c.name+"/floor"], samples[c.name+"/stripego"]
		if lite == nil || floor == nil || sgo == nil {
			continue
		}
		cells := []string{
			ratio(median(lite.ns)/median(floor.ns), c.floorTime, &missed),
			ratio(median(lite.allocs)/median(floor.allocs), c.floorAllocs, &missed),
			ratio(median(lite.ns)/median(sgo.ns), c.goTime, &missed),
		}
		fmt.Printf("| %s | %s |\n", c.name, strings.Join(cells, " | "))
	}
	fmt.Println()
	if missed > 0 {
		fmt.Printf("%d budget(s) missed.\n", missed)
	} else {
		fmt.Println("All budgets met.")
	}
}

func ratio(r, budget float64, missed *int) string {
	verdict := "met"
	if r > budget {
		verdict = "**missed**"
		*missed++
	}
	return fmt.Sprintf("%.2fx (<= %.2fx, %s)", r, budget, verdict)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func duration(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}
