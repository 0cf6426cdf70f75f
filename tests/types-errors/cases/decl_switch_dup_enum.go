package main

import "fmt"

type State int

const (
	Idle State = iota
	Running
	Stopped
)

func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Running:
		return "running"
	case Idle: // fix: case Stopped:
		return "stopped"
	}
	return "?"
}

func main() {
	fmt.Println(Running)
}
